import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api/client';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setLoading(true);
    setError(undefined);
    try {
      await api('/api/auth/login', { body: values });
      client.clear();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="jg-login">
      <Card className="jg-login-card">
        <div className="jg-login-title">
          <span
            className="jg-brand-mark"
            style={{ margin: '0 auto', width: 44, height: 44, fontSize: 24, color: '#fff' }}
          >
            教
          </span>
          <h1>县域教育管理平台</h1>
          <p>学校一次填报 · 台账闭环管理 · 总结有据可查</p>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={loading}>
            登 录
          </Button>
        </Form>
        <p className="jg-muted" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
          连续5次密码错误账号将锁定30分钟；30分钟无操作自动退出。
        </p>
      </Card>
    </div>
  );
}
