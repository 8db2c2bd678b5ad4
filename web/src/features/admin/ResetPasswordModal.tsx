import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { PASSWORD_POLICY_TEXT } from '../../auth/passwordPolicy';
import { confirmPasswordRules, newPasswordRules } from '../../auth/passwordRules';
import { ErrorAlert } from '../../ui';
import { adminApi } from './adminApi';
import type { UserRow } from './types';

interface ResetPasswordValues {
  password: string;
  confirmPassword: string;
}

interface ResetPasswordModalProps {
  user: UserRow | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ResetPasswordModal({ user, onClose, onDone }: ResetPasswordModalProps) {
  const [form] = Form.useForm<ResetPasswordValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const onFinish = async ({ password }: ResetPasswordValues) => {
    if (!user) return;
    setSaving(true);
    setError(undefined);
    try {
      await adminApi.resetPassword(user.id, password);
      onDone(`已重置 ${user.username} 的密码`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="重置"
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setError(undefined)}
    >
      <Alert
        type="warning"
        showIcon
        message="请通过安全渠道将新密码告知本人；本人下次登录时须先修改密码。"
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={error} title="重置失败" />
      <Form<ResetPasswordValues> form={form} layout="vertical" preserve={false} onFinish={onFinish} disabled={saving}>
        <Form.Item label="新密码" name="password" rules={newPasswordRules} extra={PASSWORD_POLICY_TEXT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['password']}
          rules={confirmPasswordRules('password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
