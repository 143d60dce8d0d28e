import { passwordProblems } from '@domain/auth/password-policy';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../api/client';
import { useRefreshSession } from '../app/session';

/** Also shown on its own when the account must change its password before doing anything else. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const [loading, setLoading] = useState(false);

  const logout = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    navigate('/login', { replace: true });
  };

  const submit = async (values: { oldPassword: string; newPassword: string }) => {
    setLoading(true);
    try {
      await api('/api/auth/password', { body: { oldPassword: values.oldPassword, newPassword: values.newPassword } });
      message.success('密码已修改');
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        form.setFields(e.issues.map((i) => ({ name: i.path, errors: [i.message] })));
      } else {
        message.error(e instanceof Error ? e.message : '修改失败');
      }
    } finally {
      setLoading(false);
    }
  };

  const card = (
    <Card title="修改密码" style={{ maxWidth: 460, margin: forced ? '10vh auto' : '24px auto' }}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已超过90天，请先设置新密码。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少8位，包含大写字母、小写字母、数字、特殊字符中的至少三类"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: async (_, value) => {
                const problems = value ? passwordProblems(value) : [];
                if (problems.length) throw new Error(problems.join('；'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} block>
          确认修改
        </Button>
        {forced && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={logout}>
            暂不修改，退出登录
          </Button>
        )}
      </Form>
    </Card>
  );
  return forced ? <div style={{ minHeight: '100vh', background: '#f3f5f9', paddingTop: 1 }}>{card}</div> : card;
}
