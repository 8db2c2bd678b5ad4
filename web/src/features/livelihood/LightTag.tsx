import { Alert, Space, Tag, Tooltip, Typography } from 'antd';
import { LIGHT_LABELS, LIGHT_TAG_COLORS, type Light, type Reason } from './livelihoodApi';

/** A light with its reasons on hover (the reasons are why: computed, never typed in). */
export function LightTag({ light, reasons }: { light: Light; reasons?: Reason[] }) {
  const tag = <Tag color={LIGHT_TAG_COLORS[light]} data-light={light}>● {LIGHT_LABELS[light]}</Tag>;
  if (!reasons?.length) return tag;
  return <Tooltip title={<Space direction="vertical" size={0}>{reasons.map((r) => <span key={r.message}>{r.message}</span>)}</Space>}>{tag}</Tooltip>;
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  return (
    <Space direction="vertical" size={0}>
      {reasons.map((r) => (
        <Typography.Text key={r.message} type={r.light === 'red' ? 'danger' : r.light === 'yellow' ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {r.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Lights or due dates computed on a year whose regional holidays are not entered: said, not hidden. */
export function CalendarWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calendar-warnings" message="工作日历不完整" description={warnings.map((w) => <div key={w}>{w}</div>)} />;
}
