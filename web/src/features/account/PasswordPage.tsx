import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { PASSWORD_POLICY_TEXT } from '../../auth/passwordPolicy';
import { confirmPasswordRules, newPasswordRules } from '../../auth/passwordRules';
import { ErrorAlert, PageHeader } from '../../ui';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function PasswordPage() {
  const [form] = Form.useForm<PasswordForm>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user, refresh } = useAuth();
  const [error, setError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async ({ currentPassword, newPassword }: PasswordForm) => {
    setSubmitting(true);
    setError(undefined);
    try {
      // A wrong current password must show its message here, not end the session.
      await api.post('/api/auth/password', { currentPassword, newPassword }, { redirectOnUnauthorized: false });
      form.resetFields();
      void message.success('密码已修改');
      // Ask the server again: it clears mustChangePassword, which reopens the other pages.
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 520 }}>
        {user?.mustChangePassword ? (
          <Alert
            type="warning"
            showIcon
            message="您的密码为初始密码、由管理员设置或已过期，请先修改密码再使用系统。"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Alert type="info" showIcon message={`密码要求：${PASSWORD_POLICY_TEXT}`} style={{ marginBottom: 16 }} />
        <ErrorAlert error={error} title="修改失败" />
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[
              ...newPasswordRules,
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error('新密码不能与当前密码相同'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={confirmPasswordRules('newPassword')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
