import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { roleLabel, separationOfDutiesError } from '../../auth/roles';
import { ErrorAlert, formatDateTime, useApi } from '../../ui';
import { adminApi, ORGANIZATIONS_PATH, USERS_PATH, type OrganizationsResponse, type UsersResponse } from './adminApi';
import { ResetPasswordModal } from './ResetPasswordModal';
import { USER_STATUS_LABELS, type UserRow } from './types';
import { UserFormModal } from './UserFormModal';

type FormState = { open: false } | { open: true; editing: UserRow | null; session: number };

function matches(row: UserRow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [row.username, row.displayName, row.organizationName ?? ''].some((v) => v.toLowerCase().includes(needle));
}

function RolesCell({ row }: { row: UserRow }) {
  const conflict = separationOfDutiesError(row.roles);
  return (
    <Space size={[0, 4]} wrap>
      {row.roles.map((r) => (
        <Tag key={r}>{roleLabel(r)}</Tag>
      ))}
      {conflict ? (
        <Tooltip title={conflict}>
          <Tag color="error">违反三权分立</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

function StatusCell({ row }: { row: UserRow }) {
  const { text, color } = USER_STATUS_LABELS[row.status];
  const until = row.status === 'locked' && row.lockedUntil ? `锁定至 ${formatDateTime(row.lockedUntil)}` : undefined;
  return (
    <Tooltip title={until}>
      <Tag color={color}>{text}</Tag>
    </Tooltip>
  );
}

/**
 * 用户: who may do what follows the server's split of duties — the system administrator
 * (`users:manage`) creates and edits accounts; the security administrator (`users:security`)
 * locks, unlocks and resets passwords.
 */
export default function UsersPage() {
  const { can, user } = useAuth();
  const canManage = can('users:manage');
  const canSecure = can('users:security');
  const users = useApi<UsersResponse>(USERS_PATH);
  const organizations = useApi<OrganizationsResponse>(canManage ? ORGANIZATIONS_PATH : null);
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [formState, setFormState] = useState<FormState>({ open: false });
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const rows = useMemo(() => (users.data?.items ?? []).filter((u) => matches(u, search)), [users.data, search]);

  const done = (text: string) => {
    void message.success(text);
    setFormState({ open: false });
    setResetting(null);
    users.reload();
  };

  const setLocked = async (row: UserRow, locked: boolean) => {
    setBusyId(row.id);
    try {
      await (locked ? adminApi.lockUser(row.id) : adminApi.unlockUser(row.id));
      void message.success(locked ? `已锁定 ${row.username}` : `已解锁 ${row.username}`);
      users.reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setBusyId(null);
    }
  };

  const actions = (row: UserRow) => (
    <Space size={0}>
      {canManage ? (
        <Button type="link" size="small" onClick={() => setFormState({ open: true, editing: row, session: Date.now() })}>
          编辑
        </Button>
      ) : null}
      {canSecure && row.id !== user?.id && row.status === 'locked' ? (
        <Popconfirm title={`解锁 ${row.username}？`} onConfirm={() => setLocked(row, false)}>
          <Button type="link" size="small" loading={busyId === row.id}>
            解锁
          </Button>
        </Popconfirm>
      ) : null}
      {canSecure && row.id !== user?.id && row.status !== 'locked' ? (
        <Popconfirm title={`锁定 ${row.username}？`} description="锁定后该用户无法登录，直至解锁。" onConfirm={() => setLocked(row, true)}>
          <Button type="link" size="small" danger loading={busyId === row.id}>
            锁定
          </Button>
        </Popconfirm>
      ) : null}
      {canSecure ? (
        <Button type="link" size="small" onClick={() => setResetting(row)}>
          重置密码
        </Button>
      ) : null}
    </Space>
  );

  const columns: TableColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    { title: '所属机构', dataIndex: 'organizationName', ellipsis: true, render: (_, row) => row.organizationName ?? '—' },
    { title: '角色', dataIndex: 'roles', render: (_, row) => <RolesCell row={row} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, row) => <StatusCell row={row} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (_, row) => formatDateTime(row.lastLoginAt) },
    ...(canManage || canSecure ? [{ title: '操作', key: 'actions', width: 200, render: (_: unknown, row: UserRow) => actions(row) }] : []),
  ];

  return (
    <>
      <ErrorAlert error={users.error} onRetry={users.reload} title="用户列表加载失败" />
      <ErrorAlert error={organizations.error} onRetry={organizations.reload} title="机构列表加载失败" />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="按用户名、姓名或机构查找" onSearch={setSearch} style={{ width: 260 }} />
        <Space>
          <Button icon={<ReloadOutlined />} onClick={users.reload}>
            刷新
          </Button>
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormState({ open: true, editing: null, session: Date.now() })}
            >
              新建用户
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<UserRow>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={users.loading}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个用户` }}
        scroll={{ x: 1000 }}
      />
      {formState.open ? (
        <UserFormModal
          key={formState.session}
          editing={formState.editing}
          isSelf={formState.editing?.id === user?.id}
          organizations={organizations.data?.items ?? []}
          onClose={() => setFormState({ open: false })}
          onSaved={done}
        />
      ) : null}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={done} />
    </>
  );
}
