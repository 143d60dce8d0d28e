import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';

/** A masked ID number or phone; with pii.reveal, a button shows the full value (each view is audited server-side). */
export function RevealField(props: {
  teacherId: number;
  field: 'idNumber' | 'phone';
  masked: string | null;
  buttonText: string;
}) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>();
  const [loading, setLoading] = useState(false);
  if (!props.masked) return <span>—</span>;
  const reveal = async () => {
    setLoading(true);
    try {
      const result = await api<{ value: string | null }>(`/api/teachers/${props.teacherId}/reveal`, {
        body: { field: props.field },
      });
      setValue(result.value ?? '');
    } catch (e) {
      message.error(e instanceof Error ? e.message : '查看失败');
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={8} wrap>
      <Typography.Text copyable={!!value} style={{ fontFamily: 'monospace' }} data-testid={`${props.field}-value`}>
        {value || props.masked}
      </Typography.Text>
      {can('pii.reveal') &&
        (value === undefined ? (
          <>
            <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal}>
              {props.buttonText}
            </Button>
            <span className="jg-muted" style={{ fontSize: 12 }}>
              每次查看均记入审计日志
            </span>
          </>
        ) : (
          <span className="jg-muted" style={{ fontSize: 12 }}>
            本次查看已记入审计日志
          </span>
        ))}
    </Space>
  );
}
