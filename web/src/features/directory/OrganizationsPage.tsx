import { App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, useApi } from '../../ui';
import { ALIAS_SOURCE, directoryApi, organizationMatches, ORGANIZATION_KIND, type DirectoryOrganization } from './directoryApi';

/** Organisations and their aliases (州发改委 = 州发展和改革委员会); a manager adds aliases. */
export default function OrganizationsPage() {
  const orgs = useApi<{ items: DirectoryOrganization[] }>('/api/directory/organizations');
  const canManage = useAuth().can('directory:manage');
  const { message } = App.useApp();
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState<DirectoryOrganization | null>(null);
  const rows = useMemo(() => (orgs.data?.items ?? []).filter((o) => organizationMatches(o, filter)), [orgs.data, filter]);
  return (
    <>
      <Input.Search allowClear placeholder="按名称或简称查找（如 州发改委）" onSearch={setFilter} onChange={(e) => setFilter(e.target.value)} style={{ width: 320, marginBottom: 12 }} />
      <ErrorAlert error={orgs.error} onRetry={orgs.reload} />
      <Table<DirectoryOrganization>
        rowKey="id"
        size="middle"
        loading={orgs.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string) => <Link to={`/directory/people?q=${encodeURIComponent(n)}`}>{n}</Link> },
          { title: '类型', dataIndex: 'kind', width: 120, render: (k: DirectoryOrganization['kind']) => ORGANIZATION_KIND[k] },
          {
            title: '简称 / 别名',
            dataIndex: 'aliases',
            render: (aliases: DirectoryOrganization['aliases']) => (
              <Space size={[0, 4]} wrap>
                {aliases.map((a) => (
                  <Tooltip key={a.alias} title={ALIAS_SOURCE[a.source] ?? a.source}>
                    <Tag color={a.source === 'reviewed' ? 'blue' : 'green'}>{a.alias}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          { title: '人员', dataIndex: 'people', width: 80, align: 'center' },
          ...(canManage
            ? [{ title: '操作', key: 'actions', width: 110, render: (_: unknown, o: DirectoryOrganization) => <Button size="small" type="link" onClick={() => setAdding(o)}>添加简称</Button> }]
            : []),
        ]}
      />
      {adding ? (
        <AliasModal
          organization={adding}
          onClose={() => setAdding(null)}
          onDone={(alias) => {
            setAdding(null);
            void message.success(`已添加简称：${alias}`);
            orgs.reload();
          }}
        />
      ) : null}
    </>
  );
}

function AliasModal({ organization, onClose, onDone }: { organization: DirectoryOrganization; onClose: () => void; onDone: (alias: string) => void }) {
  const [form] = Form.useForm<{ alias: string }>();
  const [error, setError] = useState<unknown>();
  const finish = async ({ alias }: { alias: string }) => {
    try {
      await directoryApi.addAlias(organization.id, alias.trim());
      onDone(alias.trim());
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal title={`添加简称：${organization.name}`} open onCancel={onClose} onOk={() => form.submit()} okText="添加">
      <Typography.Paragraph type="secondary">添加后，导入的公文中以该简称出现的单位将识别为“{organization.name}”。</Typography.Paragraph>
      <ErrorAlert error={error} title="添加失败" />
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item name="alias" label="简称 / 别名" rules={[{ required: true, whitespace: true, message: '请输入简称' }]}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
