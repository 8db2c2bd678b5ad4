import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { ErrorAlert, PageHeader, PageLoading, useApi } from '../../ui';
import {
  applicationPath,
  awardsApi,
  entryFromForm,
  formFromEntry,
  KIND_LABEL,
  PERSON_ROLE_LABEL,
  RESULT_GAMES_LABEL,
  SELECTION_GAMES_LABEL,
  type ApplicationDetail,
  type ComputeResponse,
  type EntryFormValues,
} from './awardsApi';
import { ComputationView } from './ComputationView';

const dateItem = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const INITIAL: EntryFormValues = {
  applicantKind: 'coach',
  applicantName: '',
  kind: 'result',
  event: 'individual',
  athletes: [{}],
  coaches: [{ role: 'head' }],
};

const ID_RULE = { pattern: /^\d{17}[\dXx]$/, message: '18位公民身份号码' };

function useCounties(): { value: string }[] {
  const orgs = useApi<{ items: { name: string; kind: string }[] }>('/api/organizations');
  return useMemo(() => (orgs.data?.items ?? []).filter((o) => o.kind === 'county').map((o) => ({ value: o.name })), [orgs.data]);
}

/** 成绩录入: one result, computed live as it is typed, with the article text beside each line. */
function EntryForm({ initial, editing }: { initial: EntryFormValues; editing: ApplicationDetail | null }) {
  const [form] = Form.useForm<EntryFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const counties = useCounties();
  const kind = Form.useWatch('kind', form);
  const games = Form.useWatch('games', form);
  const event = Form.useWatch('event', form);
  const [computed, setComputed] = useState<ComputeResponse | null>(null);
  const [computeError, setComputeError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);

  const compute = useCallback(() => {
    const mine = ++generation.current;
    const { entry } = entryFromForm(form.getFieldsValue(true) as EntryFormValues);
    awardsApi
      .compute(entry)
      .then((answer) => {
        if (mine === generation.current) {
          setComputed(answer);
          setComputeError(null);
        }
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setComputeError(e);
      });
  }, [form]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(compute, 300);
  }, [compute]);

  useEffect(() => {
    compute();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [compute]);

  const save = async (values: EntryFormValues) => {
    setSaving(true);
    setSaveError(null);
    try {
      const { entry, people } = entryFromForm({ ...(form.getFieldsValue(true) as EntryFormValues), ...values });
      const body = { applicantKind: values.applicantKind, applicantName: values.applicantName, entry, people };
      const { id } = editing ? await awardsApi.update(editing.id, body) : await awardsApi.create(body);
      void message.success(editing ? '已保存修改' : '已保存为草稿，请上传材料后提交');
      navigate(`/awards/${id}`);
    } catch (e) {
      setSaveError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const isResult = kind === 'result';
  const gamesOptions = kind === 'selection' ? options(SELECTION_GAMES_LABEL) : options(RESULT_GAMES_LABEL);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card title="成绩信息" size="small">
          <Form<EntryFormValues> form={form} layout="vertical" initialValues={initial} onValuesChange={schedule} onFinish={save} requiredMark="optional">
            <Space wrap style={{ width: '100%' }}>
              <Form.Item name="applicantKind" label="申请人类别">
                <Radio.Group options={[{ value: 'coach', label: '教练员' }, { value: 'unit', label: '单位' }]} />
              </Form.Item>
              <Form.Item name="applicantName" label="申请人（教练员或单位）" rules={[{ required: true, message: '请填写申请人' }]}>
                <Input style={{ width: 220 }} />
              </Form.Item>
            </Space>
            <Form.Item name="kind" label="奖励类别">
              <Select options={options(KIND_LABEL)} />
            </Form.Item>
            {kind !== 'transfer' ? (
              <Form.Item name="games" label={kind === 'selection' ? '入选参赛的运动会' : '运动会'} rules={[{ required: true, message: '请选择运动会' }]}>
                <Select options={gamesOptions} placeholder="请选择" />
              </Form.Item>
            ) : null}
            <Form.Item name="date" label={isResult ? '成绩日期' : kind === 'transfer' ? '转正日期' : kind === 'selection' ? '入选日期' : '评选日期'} rules={[{ required: true, message: '请选择日期' }]} {...dateItem}>
              <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" />
            </Form.Item>
            {isResult ? (
              <>
                <Space wrap>
                  <Form.Item name="event" label="项目类型">
                    <Radio.Group options={[{ value: 'individual', label: '个人' }, { value: 'team', label: '团体' }]} />
                  </Form.Item>
                  <Form.Item name="sport" label="运动项目" rules={[{ required: true, message: '请填写运动项目' }]}>
                    <AutoComplete style={{ width: 140 }} options={['田径', '游泳', '摔跤', '足球', '篮球', '排球'].map((value) => ({ value }))} />
                  </Form.Item>
                  <Form.Item name="place" label={games?.endsWith('minority-games') ? '等级（一等奖填1）' : '名次'} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber min={1} max={99} precision={0} />
                  </Form.Item>
                  {event === 'team' ? (
                    <Form.Item name="teamSize" label="参赛人数">
                      <InputNumber min={2} max={99} precision={0} />
                    </Form.Item>
                  ) : null}
                </Space>
                <Space wrap>
                  <Form.Item name="team" label="运动队">
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  {event === 'team' ? (
                    <Form.Item name="teamCounty" label="运动队所属县（市）" tooltip="五人以上团体的追踪奖（第十七条）">
                      <AutoComplete style={{ width: 160 }} options={counties} />
                    </Form.Item>
                  ) : null}
                  <Form.Item name="enteredTeamOn" label="进入州直运动队日期" tooltip="第二十七条：培养、输送时间自进入州直体育运动队之日起计算" {...dateItem}>
                    <DatePicker placeholder="YYYY-MM-DD" />
                  </Form.Item>
                </Space>
                {games === 'national' || games === 'international' ? (
                  <Form.Item name="regionAward" label="自治区对同一成绩的奖励（元）" tooltip="第八条第（二）（三）项：按自治区奖励标准的20%或30%">
                    <InputNumber min={0} precision={2} style={{ width: 200 }} />
                  </Form.Item>
                ) : null}
                <Form.Item name="extraAwards" label="追加奖励（元，第十五条；多项用逗号分隔，只计最高一项）">
                  <Input placeholder="如：3000，5000" />
                </Form.Item>
              </>
            ) : kind === 'sportsmanship' ? (
              <Form.Item name="team" label="获奖集体" rules={[{ required: true, message: '请填写获奖集体' }]}>
                <Input />
              </Form.Item>
            ) : null}
            <Divider orientation="left" plain>运动员</Divider>
            <Form.List name="athletes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                        <Input placeholder="姓名" style={{ width: 110 }} aria-label="运动员姓名" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'county']}>
                        <AutoComplete placeholder="原基层输送县（市）" style={{ width: 170 }} options={counties} aria-label="运动员县市" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'idNumber']} rules={[ID_RULE]}>
                        <Input placeholder={editing ? '公民身份号码（不改可留空）' : '公民身份号码'} style={{ width: 200 }} aria-label="运动员身份证号" />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除运动员" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    添加运动员
                  </Button>
                </>
              )}
            </Form.List>
            <Divider orientation="left" plain>教练员</Divider>
            <Form.List name="coaches">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                        <Input placeholder="姓名" style={{ width: 110 }} aria-label="教练员姓名" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '角色' }]}>
                        <Select style={{ width: 170 }} options={options({ head: PERSON_ROLE_LABEL.head, original: PERSON_ROLE_LABEL.original, assistant: PERSON_ROLE_LABEL.assistant })} aria-label="教练员角色" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'idNumber']} rules={[ID_RULE]}>
                        <Input placeholder={editing ? '公民身份号码（不改可留空）' : '公民身份号码'} style={{ width: 200 }} aria-label="教练员身份证号" />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除教练员" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'assistant' })}>
                    添加教练员
                  </Button>
                </>
              )}
            </Form.List>
            <Divider />
            <ErrorAlert error={saveError} title="保存失败" />
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {editing ? '保存修改' : '保存为草稿'}
              </Button>
              <Link to={editing ? `/awards/${editing.id}` : '/awards'}>
                <Button>取消</Button>
              </Link>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title="奖励计算（随填写实时更新）" size="small">
          <ErrorAlert error={computeError} title="计算失败" />
          {computed ? (
            <ComputationView computation={computed} caption={`按申请日期 ${computed.appliedOn} 计算；金额由系统按奖励办法计算，不可手工填写。`} />
          ) : (
            <Typography.Text type="secondary">填写成绩后显示计算结果。</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

export default function EntryPage() {
  const { id } = useParams();
  const editing = useApi<ApplicationDetail>(id ? applicationPath(id) : null);
  if (id && !editing.data) return editing.error ? <ErrorAlert error={editing.error} /> : <PageLoading />;
  const detail = editing.data ?? null;
  const initial = detail ? formFromEntry(detail.entry, { applicantKind: detail.applicantKind, applicantName: detail.applicantName }) : INITIAL;
  return (
    <>
      <PageHeader
        title={detail ? `修改奖励申请 第${detail.ref}号` : '成绩录入'}
        description="依据伊州政办规〔2023〕1号：填写成绩即按奖励办法计算各奖励对象的金额，并在每一行旁列出所依据的条文。"
      />
      <EntryForm initial={initial} editing={detail} />
    </>
  );
}
