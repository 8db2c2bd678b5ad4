import { api, withQuery } from '../../api';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  role: string | null;
  action: string;
  object: string | null;
  result: AuditResult;
  ip: string | null;
  requestId: string;
  hash: string;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  username?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}

export const AUDIT_RESULT_LABELS: Record<AuditResult, { text: string; color: string }> = {
  success: { text: '成功', color: 'green' },
  failure: { text: '失败', color: 'red' },
  denied: { text: '拒绝', color: 'orange' },
};

export type AuditPage = { items: AuditEntry[]; total: number };

/** The list URL for `query` (for useApi). */
export const auditListPath = (query: AuditQuery) => withQuery('/api/audit', { ...query });

export const auditApi = {
  verify: () => api.get<ChainVerification>('/api/audit/verify'),
};
