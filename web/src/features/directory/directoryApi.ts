import { api, withQuery } from '../../api';

/** Shapes of the directory API (organisations, people, duplicates) and pure helpers for the pages. */

export interface DirectoryOrganization {
  id: string;
  name: string;
  kind: 'unit' | 'county' | 'body';
  aliases: { alias: string; source: string }[];
  people: number;
  posts: number;
}

export interface PersonSummary {
  id: string;
  name: string;
  organizationId: string | null;
  organization: string | null;
  positions: string[];
  bodies: number;
}

export interface PersonDetail extends PersonSummary {
  posts: {
    postId: string;
    post: string;
    position: string;
    validFrom: string | null;
    validTo: string | null;
    source: 'document' | 'appointment';
    documentId: string | null;
    docNumber: string | null;
    line: number | null;
    predecessor: string | null;
    note: string | null;
  }[];
  memberships: {
    bodyId: string;
    body: string;
    role: string;
    rank: 'leader' | 'deputy' | 'member';
    position: string;
    validFrom: string;
    validTo: string | null;
    documentId: string | null;
    docNumber: string | null;
    line: number | null;
    version: number;
    bySuccession: boolean;
  }[];
  liaisons: { bodyId: string; body: string; position: string; unit: string; docNumber: string; line: number; validTo: string | null }[];
  offices: { bodyId: string; body: string; unit: string; docNumber: string; validTo: string | null; role: string }[];
  sameAs: { id: string; name: string; organization: string | null }[];
  mentions: { kind: string; title: string; role: string | null; link: string | null; docNumber: string | null }[];
}

export interface DuplicatePerson {
  id: string;
  name: string;
  organization: string | null;
  positions: string[];
}

export interface Duplicate {
  names: [string, string];
  reason: string;
  status: 'pending' | 'confirmed' | 'rejected';
  people: [DuplicatePerson, DuplicatePerson];
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface AppointmentResult {
  personId: string;
  post: string;
  predecessor: { id: string; name: string } | null;
  successions: { body: string; role: string; seat: number }[];
}

export const ORGANIZATION_KIND: Record<DirectoryOrganization['kind'], string> = { unit: '单位', county: '县（市）', body: '议事协调机构' };
export const ALIAS_SOURCE: Record<string, string> = { reviewed: '审定', admin: '管理员添加' };

export const peoplePath = (q: string) => withQuery('/api/people', { q: q.trim() || undefined, limit: 200 });
export const duplicatesPath = (all: boolean) => withQuery('/api/people/duplicates', { all: all ? 'true' : undefined });

export const directoryApi = {
  addAlias: (organizationId: string, alias: string) => api.post<{ alias: string }>(`/api/directory/organizations/${organizationId}/aliases`, { alias }),
  review: (personIds: [string, string], decision: 'confirmed' | 'rejected', note?: string) =>
    api.post<{ names: [string, string]; decision: string }>('/api/people/duplicates/review', { personIds, decision, note: note || null }),
  appoint: (input: { name: string; position: string; effectiveOn: string; replacesPersonId: string | null; note: string | null }) =>
    api.post<AppointmentResult>('/api/people/appointments', input),
};

/** An organisation matches a filter by its name or any alias (州发改委 finds 州发展和改革委员会). */
export function organizationMatches(org: DirectoryOrganization, filter: string): boolean {
  const f = filter.trim();
  return f === '' || org.name.includes(f) || org.aliases.some((a) => a.alias.includes(f));
}

/** 2023-02-25 起 / 2023-02-25 至 2023-06-01: a holding's period as people say it. */
export function period(from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  if (!to) return `${from}起`;
  return `${from ?? '?'} 至 ${to}`;
}
