import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import { AppointmentModal } from '../directory/AppointmentModal';
import { bodyPath, exportPath, type BodyDetail, type RosterMember } from './bodiesApi';
import { DutyReportsTab } from './DutyReportsTab';
import { HistoryTab } from './HistoryTab';
import { LiaisonsTab } from './LiaisonsTab';
import { RectificationsTab } from './RectificationsTab';
import { RosterTab } from './RosterTab';

/** One coordination body: the roster on a chosen day, office, liaisons, history and tracked items. */
export default function BodyPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const on = params.get('on') ?? undefined;
  const tab = params.get('tab') ?? 'roster';
  const body = useApi<BodyDetail>(bodyPath(id, on));
  const { can } = useAuth();
  const { message } = App.useApp();
  const [appointing, setAppointing] = useState<{ member: RosterMember | null } | null>(null);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  if (body.loading && !body.data) return <PageLoading />;
  if (!body.data) return <ErrorAlert error={body.error} onRetry={body.reload} title="加载失败" />;
  const b = body.data;
  const download = (format: 'xlsx' | 'docx') => {
    downloadFile(exportPath(b.id, format, b.day)).catch((e: unknown) => void message.error(toApiError(e).message));
  };
  const tabs = [
    {
      key: 'roster',
      label: `组成人员（${b.members.length}）`,
      children: <RosterTab body={b} onSucceed={b.automaticSuccession && can('directory:manage') ? (member) => setAppointing({ member }) : undefined} />,
    },
    { key: 'liaisons', label: `联络员（${b.liaisons.length}）`, children: <LiaisonsTab body={b} /> },
    { key: 'history', label: `历史版本（${b.versions.length}）`, children: <HistoryTab body={b} /> },
    ...(b.liaisons.length > 0
      ? [
          { key: 'reports', label: '履职报告', children: <DutyReportsTab bodyId={b.id} defaultYear={Number(b.day.slice(0, 4))} /> },
          { key: 'rectifications', label: '整改事项', children: <RectificationsTab body={b} /> },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={b.name}
        description={
          <Space wrap size={[8, 4]}>
            {b.version ? (
              <>
                <span>现行名单依据</span>
                <Link to={`/documents/${b.version.documentId}#l${b.version.headingLine}`}>
                  <Tag color="red">{b.version.docNumber}</Tag>
                </Link>
                <span>第{b.version.version}版，{b.version.validFrom}起</span>
              </>
            ) : null}
            {b.automaticSuccession ? <Tag color="blue">实行自动递补</Tag> : null}
          </Space>
        }
        extra={
          <>
            <Link to="/bodies">
              <Button icon={<ArrowLeftOutlined />}>返回</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} disabled={!b.version} onClick={() => download('xlsx')}>
              导出 Excel
            </Button>
            <Button icon={<FileWordOutlined />} disabled={!b.version} onClick={() => download('docx')}>
              导出 Word
            </Button>
            {b.automaticSuccession && can('directory:manage') ? (
              <Button icon={<UserSwitchOutlined />} onClick={() => setAppointing({ member: null })}>
                登记任职
              </Button>
            ) : null}
          </>
        }
      />
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>名单日期</Typography.Text>
        <DatePicker value={dayjs(b.day)} allowClear={false} onChange={(d) => d && set('on', d.format('YYYY-MM-DD'))} aria-label="名单日期" />
        {on ? (
          <Button type="link" onClick={() => set('on', undefined)}>
            回到现行名单
          </Button>
        ) : null}
      </Space>
      <Tabs activeKey={tab} onChange={(k) => set('tab', k === 'roster' ? undefined : k)} items={tabs} />
      {appointing ? (
        <AppointmentModal
          replaces={appointing.member ? { personId: appointing.member.personId, name: appointing.member.name } : null}
          position={appointing.member?.position}
          onClose={() => setAppointing(null)}
          onDone={(r) => {
            setAppointing(null);
            void message.success(`已登记${r.post}${r.predecessor ? `，接替${r.predecessor.name}` : ''}${r.successions.length ? `；自动递补 ${r.successions.length} 个席位` : ''}`);
            body.reload();
          }}
        />
      ) : null}
    </>
  );
}
