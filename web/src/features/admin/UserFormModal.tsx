import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { PASSWORD_POLICY_TEXT } from '../../auth/passwordPolicy';
import { confirmPasswordRules, newPasswordRules } from '../../auth/passwordRules';
import { SEPARATION_OF_DUTIES_HINT, separationOfDutiesError, type Role } from '../../auth/roles';
import { ErrorAlert } from '../../ui';
import { adminApi, editableFields, userChanges, type EditableUserFields } from './adminApi';
import { OrganizationSelect, RoleSelect } from './fields';
import type { Organization, UserRow } from './types';

interface UserFormValues extends EditableUserFields {
  username: string;
  password: string;
  confirmPassword: string;
}

interface UserFormModalProps {
  /** null: create a new user; a row: edit it. */
  editing: UserRow | null;
  /** Editing one's own account: the server refuses changes to one's own roles or status. */
  isSelf: boolean;
  organizations: Organization[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

const rolesRules = [
  { required: true, type: 'array' as const, min: 1, message: '请至少选择一个角色' },
  {
    validator: (_: unknown, value: Role[] | undefined) => {
      const problem = separationOfDutiesError(value ?? []);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

export function UserFormModal({ editing, isSelf, organizations, onClose, onSaved }: UserFormModalProps) {
  const [form] = Form.useForm<UserFormValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const creating = editing === null;

  const onFinish = async (values: UserFormValues) => {
    setSaving(true);
    setError(undefined);
    try {
      if (editing) {
        const changes = userChanges(editing, values);
        if (Object.keys(changes).length > 0) await adminApi.updateUser(editing.id, changes);
        onSaved(`已保存用户 ${editing.username}`);
      } else {
        await adminApi.createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          organizationId: values.organizationId,
          roles: values.roles,
          password: values.password,
        });
        onSaved(`已创建用户 ${values.username.trim()}`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={creating ? '新建用户' : `编辑用户：${editing.username}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={creating ? '创建' : '保存'}
      confirmLoading={saving}
      width={560}
    >
      <Alert type="info" showIcon message={SEPARATION_OF_DUTIES_HINT} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} title={creating ? '创建失败' : '保存失败'} />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? editableFields(editing) : { roles: [], status: 'active' }}
        onFinish={onFinish}
        disabled={saving}
      >
        {creating ? (
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '用户名须为3至32位字母、数字或 _ . -' },
            ]}
          >
            <Input autoComplete="off" placeholder="登录时使用，创建后不可修改" />
          </Form.Item>
        ) : null}
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="所属机构" name="organizationId" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrganizationSelect organizations={organizations} />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          rules={rolesRules}
          extra={isSelf ? '不能修改自己的角色或状态。' : undefined}
        >
          <RoleSelect disabled={isSelf} />
        </Form.Item>
        {creating ? (
          <>
            <Form.Item label="初始密码" name="password" rules={newPasswordRules} extra={`${PASSWORD_POLICY_TEXT}；用户首次登录时须先修改密码。`}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认初始密码"
              name="confirmPassword"
              dependencies={['password']}
              rules={confirmPasswordRules('password')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="账号状态" name="status">
            <Radio.Group
              disabled={isSelf}
              options={[
                { value: 'active', label: '启用' },
                { value: 'disabled', label: '停用' },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
