import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, useApi } from '../../ui';
import { adminApi, organizationMatches, ORGANIZATIONS_PATH, type OrganizationsResponse } from './adminApi';
import { OrganizationSelect } from './fields';
import { ORGANIZATION_KIND_LABELS, type Organization, type OrganizationKind } from './types';

interface NewOrganizationValues {
  name: string;
  kind: OrganizationKind;
  parentId?: string;
}

function NewOrganizationModal({
  organizations,
  onClose,
  onSaved,
}: {
  organizations: Organization[];
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const [form] = Form.useForm<NewOrganizationValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const onFinish = async ({ name, kind, parentId }: NewOrganizationValues) => {
    setSaving(true);
    setError(undefined);
    try {
      await adminApi.createOrganization({ name: name.trim(), kind, ...(parentId ? { parentId } : {}) });
      onSaved(`已添加机构 ${name.trim()}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="添加机构" open onCancel={onClose} onOk={() => form.submit()} okText="添加" confirmLoading={saving}>
      <ErrorAlert error={error} title="添加失败" />
      <Form<NewOrganizationValues> form={form} layout="vertical" onFinish={onFinish} disabled={saving} initialValues={{ kind: 'unit' }}>
        <Form.Item label="机构全称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机构全称' }]}>
          <Input placeholder="如：伊犁哈萨克自治州发展和改革委员会" autoComplete="off" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Select
            options={(Object.keys(ORGANIZATION_KIND_LABELS) as OrganizationKind[]).map((k) => ({
              value: k,
              label: ORGANIZATION_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item label="上级机构" name="parentId">
          <OrganizationSelect organizations={organizations} allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddAliasModal({
  organization,
  onClose,
  onSaved,
}: {
  organization: Organization;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const [form] = Form.useForm<{ alias: string }>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const onFinish = async ({ alias }: { alias: string }) => {
    setSaving(true);
    setError(undefined);
    try {
      await adminApi.addAlias(organization.id, alias.trim());
      onSaved(`已为 ${organization.name} 添加简称 ${alias.trim()}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`添加简称：${organization.name}`} open onCancel={onClose} onOk={() => form.submit()} okText="添加" confirmLoading={saving}>
      <Typography.Paragraph type="secondary">
        公文中对同一机构常有不同写法（如 州发改委、州发展改革委），添加后导入和检索时会识别为同一机构。
      </Typography.Paragraph>
      <ErrorAlert error={error} title="添加失败" />
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={saving}>
        <Form.Item
          label="简称/别名"
          name="alias"
          rules={[
            { required: true, whitespace: true, message: '请输入简称' },
            {
              validator: (_, value: string | undefined) => {
                const v = value?.trim();
                return v && (v === organization.name || organization.aliases.includes(v))
                  ? Promise.reject(new Error('该简称已存在'))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'alias'; organization: Organization };

export default function OrganizationsPage() {
  const organizations = useApi<OrganizationsResponse>(ORGANIZATIONS_PATH);
  const canManage = useAuth().can('organizations:manage');
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });

  const all = useMemo(() => organizations.data?.items ?? [], [organizations.data]);
  const names = useMemo(() => new Map(all.map((o) => [o.id, o.name])), [all]);
  const rows = useMemo(() => all.filter((o) => organizationMatches(o, search)), [all, search]);

  const saved = (text: string) => {
    void message.success(text);
    setDialog({ kind: 'none' });
    organizations.reload();
  };

  const columns: TableColumnsType<Organization> = [
    { title: '名称', dataIndex: 'name', ellipsis: true },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      filters: (Object.keys(ORGANIZATION_KIND_LABELS) as OrganizationKind[]).map((k) => ({ text: ORGANIZATION_KIND_LABELS[k], value: k })),
      onFilter: (value, row) => row.kind === value,
      render: (_, row) => ORGANIZATION_KIND_LABELS[row.kind],
    },
    { title: '上级机构', dataIndex: 'parentId', ellipsis: true, render: (_, row) => (row.parentId ? names.get(row.parentId) ?? '—' : '—') },
    {
      title: '简称/别名',
      dataIndex: 'aliases',
      render: (_, row) =>
        row.aliases.length > 0 ? (
          <Space size={[0, 4]} wrap>
            {row.aliases.map((a) => (
              <Tag key={a}>{a}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'alias', organization: row })}>
          添加简称
        </Button>
      ),
    });
  }

  return (
    <>
      <ErrorAlert error={organizations.error} onRetry={organizations.reload} title="机构列表加载失败" />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="按名称或简称查找" onSearch={setSearch} style={{ width: 260 }} />
        <Space>
          <Button icon={<ReloadOutlined />} onClick={organizations.reload}>
            刷新
          </Button>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              添加机构
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<Organization>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={organizations.loading}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个机构` }}
      />
      {dialog.kind === 'create' ? (
        <NewOrganizationModal organizations={all} onClose={() => setDialog({ kind: 'none' })} onSaved={saved} />
      ) : null}
      {dialog.kind === 'alias' ? (
        <AddAliasModal organization={dialog.organization} onClose={() => setDialog({ kind: 'none' })} onSaved={saved} />
      ) : null}
    </>
  );
}
