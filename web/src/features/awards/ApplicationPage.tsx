import { DeleteOutlined, DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Modal, Popconfirm, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { downloadFile, ErrorAlert, formatDate, formatDateTime, formatYuan, PageHeader, PageLoading, useApi } from '../../ui';
import { ActionModal, type ActionKind } from './ActionModal';
import {
  applicationPath,
  availableActions,
  awardsApi,
  GROUND_LABEL,
  MATERIAL_LABEL,
  PERSON_ROLE_LABEL,
  STATUS_COLOR,
  STATUS_LABEL,
  type ApplicationDetail,
  type ApplicationStatus,
  type MaterialKind,
  type PersonRole,
} from './awardsApi';
import { ComputationView } from './ComputationView';

const EVENT_LABEL: Record<string, string> = {
  create: '创建申请',
  update: '修改申请',
  material: '材料',
  submit: '提交申请',
  'review-pass': '审核通过',
  'review-return': '退回修改',
  'publish-notice': '列入公示',
  objection: '收到异议',
  'objection-handled': '异议处理',
  'uphold-objection': '异议成立，退回修改',
  report: '报州人民政府审批',
  approve: '批准',
  decline: '不予批准',
  disburse: '拨付',
  revoke: '撤销奖励',
  recover: '追回',
};

function People({ detail }: { detail: ApplicationDetail }) {
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<{ name: string; role: PersonRole; idNumber: string }[] | null>(null);
  const reveal = async () => {
    try {
      setRevealed((await awardsApi.idNumbers(detail.id)).items);
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  return (
    <Card
      size="small"
      title="运动员、教练员身份信息"
      style={{ marginTop: 16 }}
      extra={detail.canRevealIdNumbers ? <Button size="small" icon={<EyeOutlined />} onClick={reveal}>查看完整号码</Button> : null}
    >
      <Table
        size="small"
        rowKey={(p) => `${p.role}-${p.name}`}
        pagination={false}
        dataSource={detail.people}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份', dataIndex: 'role', render: (r: PersonRole) => PERSON_ROLE_LABEL[r] },
          { title: '公民身份号码', dataIndex: 'idNumberMasked', render: (m: string) => <Typography.Text code>{m}</Typography.Text> },
        ]}
      />
      <Modal open={revealed !== null} title="完整公民身份号码" footer={null} onCancel={() => setRevealed(null)} destroyOnHidden>
        <Typography.Paragraph type="secondary">本次查看已记入审计日志。</Typography.Paragraph>
        {(revealed ?? []).map((p) => (
          <div key={`${p.role}-${p.name}`}>
            {p.name}（{PERSON_ROLE_LABEL[p.role]}）：<Typography.Text code>{p.idNumber}</Typography.Text>
          </div>
        ))}
      </Modal>
    </Card>
  );
}

function Materials({ detail, reload }: { detail: ApplicationDetail; reload: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<MaterialKind>('results-book');
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await awardsApi.upload(detail.id, kind, file);
      void message.success(`已上传${MATERIAL_LABEL[kind]}`);
      reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (materialId: string) => {
    try {
      await awardsApi.removeMaterial(detail.id, materialId);
      reload();
    } catch (e) {
      void message.error(toApiError(e).message);
    }
  };
  const download = (materialId: string) =>
    downloadFile(`${applicationPath(detail.id)}/materials/${materialId}`).catch((e: unknown) => void message.error(toApiError(e).message));
  return (
    <Card size="small" title="申请材料（第十九条：比赛成绩册、秩序册或获奖证书及身份证）" style={{ marginTop: 16 }}>
      {detail.editable ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Select<MaterialKind> value={kind} onChange={setKind} style={{ width: 160 }} options={Object.entries(MATERIAL_LABEL).map(([value, label]) => ({ value: value as MaterialKind, label }))} aria-label="材料类别" />
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>上传文件（PDF、JPG、PNG，不超过10MB）</Button>
          </Upload>
        </Space>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.materials}
        locale={{ emptyText: '尚未上传材料' }}
        columns={[
          { title: '材料', dataIndex: 'kind', render: (k: MaterialKind) => MATERIAL_LABEL[k] },
          { title: '格式', dataIndex: 'mediaType', width: 130 },
          { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (b: number) => `${Math.ceil(b / 1024)} KB` },
          { title: '上传时间', dataIndex: 'uploadedAt', width: 170, render: (t: string) => formatDateTime(t) },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, m) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => download(m.id)}>下载</Button>
                {detail.editable ? (
                  <Popconfirm title="删除该材料？" onConfirm={() => remove(m.id)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label="删除材料" />
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** One application: the computation beside the article text, people, materials, history, and the next steps. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const detail = useApi<ApplicationDetail>(applicationPath(id));
  const [action, setAction] = useState<ActionKind | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const d = detail.data;
  if (!d) return detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : <PageLoading />;
  const actions = availableActions(d, can);

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await awardsApi.submit(d.id);
      void message.success('已提交，等待体育局审核');
      detail.reload();
    } catch (e) {
      setSubmitError(toApiError(e));
    } finally {
      setSubmitting(false);
    }
  };
  const buttons = (
    <>
      {actions.edit ? <Button onClick={() => navigate(`/awards/${d.id}/edit`)}>修改</Button> : null}
      {actions.submit ? <Button type="primary" loading={submitting} onClick={submit}>提交申请</Button> : null}
      {actions.review ? <Button type="primary" onClick={() => setAction('pass')}>审核通过</Button> : null}
      {actions.review ? <Button onClick={() => setAction('return')}>退回修改</Button> : null}
      {actions.decide ? <Button type="primary" onClick={() => setAction('approve')}>批准</Button> : null}
      {actions.decide ? <Button danger onClick={() => setAction('decline')}>不予批准</Button> : null}
      {actions.disburse ? <Button type="primary" onClick={() => setAction('disburse')}>登记拨付</Button> : null}
      {actions.recover ? <Button type="primary" onClick={() => setAction('recover')}>登记追回</Button> : null}
      {actions.revoke ? <Button danger onClick={() => setAction('revoke')}>撤销奖励</Button> : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={
          <Space>
            奖励申请 第{d.ref}号<Tag color={STATUS_COLOR[d.status]} data-testid="application-status">{STATUS_LABEL[d.status]}</Tag>
          </Space>
        }
        description={d.summary}
        extra={buttons}
      />
      <ErrorAlert error={submitError} title="不能提交" />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="申请人">{d.applicantName}（{d.applicantKind === 'coach' ? '教练员' : '单位'}）{d.mine ? <Tag style={{ marginLeft: 8 }}>本人</Tag> : null}</Descriptions.Item>
          <Descriptions.Item label="成绩日期">{formatDate(d.resultDate)}</Descriptions.Item>
          <Descriptions.Item label="申请日期（到达体育局）">{d.submittedAt ? formatDate(d.appliedOn) : '尚未提交'}</Descriptions.Item>
          {d.noticeId ? <Descriptions.Item label="公示"><Link to={`/awards/notices/${d.noticeId}`}>查看公示</Link></Descriptions.Item> : null}
          {d.disbursedOn ? <Descriptions.Item label="拨付">{formatDate(d.disbursedOn)}，{formatYuan(d.disbursedFen ?? 0)}（凭证号 {d.disbursementVoucher}）</Descriptions.Item> : null}
          {d.revokedAt ? (
            <Descriptions.Item label="撤销">{formatDateTime(d.revokedAt)}，{d.revocationGround ? GROUND_LABEL[d.revocationGround] : ''}：{d.revocationReason}</Descriptions.Item>
          ) : null}
          {d.recoveryDueFen > 0 ? <Descriptions.Item label="追回">应追回 {formatYuan(d.recoveryDueFen)}，已追回 {formatYuan(d.recoveredFen)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title="奖励计算与条文依据" style={{ marginTop: 16 }}>
        <ComputationView computation={d.computation} />
      </Card>
      <People detail={d} />
      <Materials detail={d} reload={detail.reload} />
      {d.objections.length ? (
        <Card size="small" title="公示异议" style={{ marginTop: 16 }}>
          {d.objections.map((o) => (
            <Typography.Paragraph key={o.id}>
              {formatDate(o.receivedOn)} {o.objector}：{o.content}
              <br />
              处理：{o.outcome ? `${o.outcome === 'upheld' ? '异议成立' : '异议不成立'}，${o.handling}` : '尚未处理'}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : null}
      <Card size="small" title="办理记录" style={{ marginTop: 16 }}>
        <Timeline
          items={d.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{EVENT_LABEL[e.action] ?? e.action}</Typography.Text>
                {e.toStatus && e.toStatus !== e.fromStatus ? <Tag style={{ marginLeft: 8 }}>{STATUS_LABEL[e.toStatus as ApplicationStatus] ?? e.toStatus}</Tag> : null}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {e.actorName} · {formatDateTime(e.at)}
                </Typography.Text>
                {e.comment ? <div>{e.comment}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      <ActionModal
        kind={action}
        detail={d}
        onClose={() => setAction(null)}
        onDone={(text) => {
          void message.success(text);
          setAction(null);
          detail.reload();
        }}
      />
    </>
  );
}
