import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, formatDate, formatYuan, useApi } from '../../ui';
import { GAMES_LABEL, KIND_LABEL, listPath, RESULT_GAMES_LABEL, STATUS_COLOR, STATUS_LABEL, type ApplicationRow, type ApplicationStatus } from './awardsApi';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }));

/** 申请列表: filters by status, year, games and text; the server shows each caller what they may see. */
export default function ApplicationsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ApplicationStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [games, setGames] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useApi<{ items: ApplicationRow[]; total: number; totalCapped: boolean }>(listPath({ status, year, games, q, page, pageSize }));

  const columns: TableColumnsType<ApplicationRow> = [
    { title: '编号', dataIndex: 'ref', width: 70, render: (ref: number, r) => <Link to={`/awards/${r.id}`}>第{ref}号</Link> },
    { title: '状态', dataIndex: 'status', width: 130, render: (s: ApplicationStatus) => <Tag color={STATUS_COLOR[s]}>{STATUS_LABEL[s]}</Tag> },
    { title: '成绩', dataIndex: 'summary', ellipsis: true, render: (text: string, r) => <Link to={`/awards/${r.id}`}>{text}</Link> },
    { title: '类别', dataIndex: 'kind', width: 110, render: (k: string, r) => `${KIND_LABEL[k] ?? k}${r.games ? ` · ${GAMES_LABEL[r.games] ?? r.games}` : ''}`, ellipsis: true },
    { title: '申请人', dataIndex: 'applicantName', width: 130, render: (n: string, r) => (r.mine ? <Space size={4}>{n}<Tag>本人</Tag></Space> : n) },
    { title: '成绩日期', dataIndex: 'resultDate', width: 110, render: (d: string) => formatDate(d) },
    { title: '申请日期', dataIndex: 'appliedOn', width: 110, render: (d: string) => formatDate(d) },
    { title: '奖励合计（元）', dataIndex: 'totalFen', width: 130, align: 'right', render: (f: number) => formatYuan(f, { unit: false }) },
    { title: '其中县（市）', dataIndex: 'countyFen', width: 120, align: 'right', render: (f: number) => (f ? formatYuan(f, { unit: false }) : '—') },
  ];

  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} title="申请列表加载失败" />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select allowClear placeholder="状态" style={{ width: 150 }} value={status} onChange={reset(setStatus)} options={Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }))} />
          <Select allowClear placeholder="申请年度" style={{ width: 110 }} value={year} onChange={reset(setYear)} options={YEARS} />
          <Select allowClear placeholder="运动会" style={{ width: 220 }} value={games} onChange={reset(setGames)} options={Object.entries(RESULT_GAMES_LABEL).map(([value, label]) => ({ value, label }))} />
          <Input.Search allowClear placeholder="成绩、申请人或编号" onSearch={reset(setQ)} style={{ width: 220 }} />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>刷新</Button>
          {can('awards:apply') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/awards/new')}>成绩录入</Button>
          ) : null}
        </Space>
      </Flex>
      <Table<ApplicationRow>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => (list.data?.totalCapped ? `超过 ${total} 份申请，请按年度、状态或关键词筛选` : `共 ${total} 份申请`),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
