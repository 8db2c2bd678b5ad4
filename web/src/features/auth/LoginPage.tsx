import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { BRAND_RED } from '../../theme';
// Plain elements instead of Card and Typography, and ErrorAlert by file: this page is the first
// thing anyone loads, so it pulls in as little of antd as it can.
import { ErrorAlert } from '../../ui/ErrorAlert';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after logging in: the page that sent us here, if it is one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export default function LoginPage() {
  const { state, login } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const target = returnPath(location.state);

  if (state.status === 'authenticated') return <Navigate to={target} replace />;

  const onFinish = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
      navigate(target, { replace: true });
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        justifyContent: 'center',
        padding: '72px 16px 32px',
        background: `linear-gradient(180deg, ${BRAND_RED} 0, ${BRAND_RED} 280px, #f4f5f7 280px)`,
      }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 32 }}>
          <div style={{ fontSize: 32, fontWeight: 600, letterSpacing: 6 }}>伊政通</div>
          <div style={{ fontSize: 14, opacity: 0.9, marginTop: 4 }}>伊犁哈萨克自治州人民政府办公厅</div>
        </div>
        <div
          style={{ background: '#fff', borderRadius: 8, padding: '24px 32px 32px', boxShadow: '0 2px 12px rgba(0,0,0,0.08)' }}
        >
          <h1 style={{ fontSize: 18, fontWeight: 500, textAlign: 'center', margin: '0 0 20px' }}>用户登录</h1>
          <ErrorAlert error={error} />
          <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={submitting}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              登录
            </Button>
          </Form>
        </div>
        <p style={{ textAlign: 'center', fontSize: 12, marginTop: 16, color: 'rgba(0,0,0,0.45)' }}>
          本系统仅限授权人员使用，所有操作均记录审计日志。
        </p>
      </div>
    </div>
  );
}
