import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Input, Result, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../app/session';
import { AidHeader } from './AidHeader';
import { BATCH_STATUS, categoryLabel, yuan } from './labels';
import type { AidHistory } from './types';

/** A student's aid across years, found by ID number: needs the permission to see personal data, and is audited. */
export default function HistoryPage() {
  const { county, can } = useSession();
  const [idNumber, setIdNumber] = useState('');
  const [result, setResult] = useState<AidHistory>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  if (!county) return <Empty style={{ marginTop: 80 }} description="尚未建立任何县区" />;
  if (!can('pii.reveal'))
    return (
      <div className="jg-page">
        <AidHeader />
        <Result status="403" title="没有权限" subTitle="按身份证号查询学生资助记录须有查看敏感信息的权限。" />
      </div>
    );
  const search = async () => {
    setLoading(true);
    setError(undefined);
    try {
      setResult(
        await api<AidHistory>(`/api/aid/history${qs({ county: county.code })}`, {
          body: { idNumber: idNumber.trim() },
        }),
      );
    } catch (e) {
      setResult(undefined);
      setError(e instanceof Error ? e.message : '查询失败');
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="jg-page">
      <AidHeader subtitle="按身份证号查询学生历年资助记录；每次查询均记入审计日志" />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input
            placeholder="18位身份证号"
            value={idNumber}
            maxLength={18}
            onChange={(e) => setIdNumber(e.target.value)}
            onPressEnter={search}
            style={{ width: 260, fontFamily: 'monospace' }}
            aria-label="身份证号"
          />
          <Button
            type="primary"
            icon={<SearchOutlined />}
            loading={loading}
            onClick={search}
            disabled={!idNumber.trim()}
          >
            查询
          </Button>
        </Space>
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      </Card>
      {result && (
        <Card title="资助记录" data-testid="aid-history">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            style={{ marginBottom: 12 }}
            items={[
              { label: '身份证号', children: <span style={{ fontFamily: 'monospace' }}>{result.idMasked}</span> },
              { label: '姓名', children: result.names.join('、') || '—' },
              { label: '已发放', children: `${result.paidPersonTimes}人次` },
              { label: '已发放金额', children: `${yuan(result.paidAmountFen)}元` },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            dataSource={result.rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description="本县没有该身份证号的资助记录" /> }}
            columns={[
              { title: '学期', dataIndex: 'termLabel' },
              { title: '资助项目', dataIndex: 'programName' },
              { title: '学校', dataIndex: 'school_name', render: (n: string | null, r) => n ?? r.school_code },
              { title: '年级', dataIndex: 'grade' },
              { title: '班级', dataIndex: 'class_name' },
              {
                title: '资助对象类别',
                dataIndex: 'categories',
                render: (c: string[]) => c.map(categoryLabel).join('、'),
              },
              { title: '金额(元)', dataIndex: 'amount_fen', align: 'right', render: yuan },
              {
                title: '类型',
                dataIndex: 'kind',
                render: (k: string, r) => (k === 'original' ? '发放' : <Tag color="purple">更正：{r.reason}</Tag>),
              },
              {
                title: '状态',
                dataIndex: 'batch_status',
                render: (s: keyof typeof BATCH_STATUS | null, r) =>
                  s ? (
                    <Tag color={BATCH_STATUS[s].color}>
                      {BATCH_STATUS[s].label}
                      {r.paid_on ? ` ${r.paid_on}` : ''}
                    </Tag>
                  ) : (
                    <Tag>未编批</Tag>
                  ),
              },
              {
                title: '名单',
                dataIndex: 'list_id',
                render: (id: number) => <Link to={`/aid/lists/${id}`}>查看</Link>,
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
