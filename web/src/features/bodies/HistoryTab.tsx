import { Card, Col, DatePicker, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, useApi } from '../../ui';
import { diffPath, type BodyDetail, type BodyVersion, type Roster, type RosterDiff, type RosterMember } from './bodiesApi';

const who = (m: RosterMember) => `${m.role} ${m.name}（${m.position}）`;

/** Versions (one per notice) and what changed between two of them, or between any two days. */
export function HistoryTab({ body }: { body: BodyDetail }) {
  const versions = body.versions;
  const [from, setFrom] = useState(versions.length > 1 ? versions[versions.length - 2].validFrom : (versions[0]?.validFrom ?? body.day));
  const [to, setTo] = useState(body.day);
  const diff = useApi<{ from: Roster; to: Roster; diff: RosterDiff }>(versions.length > 0 ? diffPath(body.id, from, to) : null);
  if (versions.length === 0) return <Empty />;
  const options = versions.map((v) => ({ value: v.validFrom, label: `第${v.version}版 ${v.docNumber}（${v.validFrom}起）` }));
  const dayPicker = (value: string, onChange: (v: string) => void, label: string) => (
    <Space direction="vertical" size={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Space.Compact>
        <Select style={{ width: 320 }} value={options.some((o) => o.value === value) ? value : undefined} placeholder="选择版本" options={options} onChange={onChange} />
        <DatePicker allowClear={false} value={dayjs(value)} onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))} />
      </Space.Compact>
    </Space>
  );
  const d = diff.data?.diff;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Table<BodyVersion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
          { title: '依据', dataIndex: 'docNumber', render: (n: string, v) => <Link to={`/documents/${v.documentId}#l${v.headingLine}`}>{n}</Link> },
          { title: '生效', dataIndex: 'validFrom', width: 120 },
          { title: '截止', dataIndex: 'validTo', width: 120, render: (t: string | null) => t ?? <Tag color="green">现行</Tag> },
        ]}
      />
      <Card size="small" title="名单对比">
        <Space wrap size={24} align="end">
          {dayPicker(from, setFrom, '对比前')}
          {dayPicker(to, setTo, '对比后')}
        </Space>
        <ErrorAlert error={diff.error} style={{ marginTop: 16 }} />
        {d ? (
          <Row gutter={16} style={{ marginTop: 16 }} data-testid="roster-diff">
            <Col xs={24} lg={8}>
              <DiffList title={`新增（${d.added.length}）`} color="green" items={d.added.map(who)} />
            </Col>
            <Col xs={24} lg={8}>
              <DiffList title={`移出（${d.removed.length}）`} color="red" items={d.removed.map(who)} />
            </Col>
            <Col xs={24} lg={8}>
              <DiffList
                title={`变动（${d.changed.length}）`}
                color="orange"
                items={d.changed.map((c) => `${c.after.name}：${c.changes.includes('role') ? `${c.before.role}→${c.after.role} ` : ''}${c.changes.includes('position') ? `${c.before.position}→${c.after.position}` : ''}`)}
              />
              <Typography.Text type="secondary">未变 {d.unchanged} 人</Typography.Text>
            </Col>
          </Row>
        ) : null}
      </Card>
    </Space>
  );
}

function DiffList({ title, color, items }: { title: string; color: string; items: string[] }) {
  return (
    <List
      size="small"
      header={<Tag color={color}>{title}</Tag>}
      dataSource={items}
      locale={{ emptyText: '无' }}
      renderItem={(t) => <List.Item>{t}</List.Item>}
    />
  );
}
