/**
 * Planting: every state-changing /api route with a JSON body is called again and again with a
 * valid body (from its zod schema; id fields and path parameters naming real records) whose
 * free-text fields — every string field that accepts the text — carry the given payloads, packed as
 * many as the field's length allows, until each field has stored every payload or the route stops
 * accepting (a state transition happens once per record). Answers' ids feed later routes.
 */
import { idCardCheckChar } from '../../src/domain/awards/id-card.js';
import { hasPermission, ROLES } from '../../src/domain/auth/roles.js';
import { pathParamNames, type ApiRoute } from '../../tests/helpers/route-inventory.js';
import { validSamples } from '../../tests/helpers/schema-arbitrary.js';
import { poolOfField, poolOfParam, UUID, type HttpSession, type Target } from './target.js';

export interface Payload {
  n: number;
  text: string;
}

/** Routes not planted: they end sessions, change passwords or lock the scan's own accounts. */
const NOT_PLANTED = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/users/:id/reset-password', 'POST /api/users/:id/lock']);

type Path = (string | number)[];

function stringPaths(value: unknown, at: Path = []): Path[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

function getAt(value: unknown, p: Path): unknown {
  return p.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}

function setAt(value: unknown, p: Path, leaf: unknown): unknown {
  if (p.length === 0) return leaf;
  const [head, ...rest] = p;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, leaf) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head as string], rest, leaf) };
}

/** A field's name without array positions: `entry.athletes[].name`. */
function fieldName(p: Path): string {
  return p.map((k) => (typeof k === 'number' ? '[]' : `.${k}`)).join('').replace(/^\./, '') || '(body)';
}

function withRealIds(value: unknown, target: Target, key = '', rep = 0): unknown {
  if (typeof value === 'string' && UUID.test(value)) {
    const pool = target.ids.get(poolOfField(key));
    return pool.length ? pool[rep % pool.length] : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => withRealIds(v, target, key, rep + i));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRealIds(v, target, k, rep)]));
  return value;
}

export interface FieldCoverage {
  /** Payloads short enough for this field (each alone). */
  fitting?: Set<number>;
  /** Payload numbers stored in this field by accepted requests. */
  stored: Set<number>;
  cursor: number;
}

export interface PlantResult {
  route: string;
  sent: number;
  accepted: number;
  fields: Map<string, FieldCoverage>;
  statuses: Record<number, number>;
}

/**
 * Payloads for one field, as many as fit together: those the field has not stored yet first (in
 * order from the cursor), then others. A payload longer than the field allows never fits: the
 * schema refuses it, which is the safe outcome, and `fitting` counts only payloads that fit alone.
 */
function pack(payloads: Payload[], coverage: FieldCoverage, fits: (text: string) => boolean): { text: string; used: number[] } | null {
  if (!coverage.fitting) coverage.fitting = new Set(payloads.filter((p) => fits(p.text)).map((p) => p.n));
  const fitting = coverage.fitting;
  const order = payloads.map((_, k) => payloads[(coverage.cursor + k) % payloads.length]).filter((p) => fitting.has(p.n));
  const fresh = order.filter((p) => !coverage.stored.has(p.n));
  const used: number[] = [];
  let text = '';
  for (const p of fresh.length ? fresh : order) {
    const next = text ? `${text}\n${p.text}` : p.text;
    if (!fits(next)) continue;
    text = next;
    used.push(p.n);
  }
  return used.length ? { text, used } : null;
}

/** Every payload that fits the field is stored. */
export function complete(f: FieldCoverage): boolean {
  return f.fitting !== undefined && f.fitting.size > 0 && [...f.fitting].every((n) => f.stored.has(n));
}

function urlFor(route: ApiRoute, target: Target, rep: number, protectedIds: Set<string>): string | null {
  let url = route.url;
  for (const name of pathParamNames(route.url)) {
    let value: string | undefined;
    if (name === 'year') value = String(2023 + (rep % 2));
    else if (name === 'kind') value = ['material', 'draft', 'other'][rep % 3];
    else if (name === 'date') value = `2023-10-0${1 + (rep % 7)}`;
    else {
      const pool = target.ids.get(poolOfParam(route.url, name)).filter((id) => !protectedIds.has(id));
      if (!pool.length) return null;
      value = pool[rep % pool.length];
    }
    url = url.replace(`:${name}`, encodeURIComponent(value));
  }
  return url;
}

/** Fills a named field with packed payloads of at most `max` characters. */
type Fill = (field: string, max: number) => string;

const withCheck = (first17: string) => `${first17}${idCardCheckChar(first17)}`;

/**
 * Bodies the schema alone cannot make valid (a document the importer must parse, an application
 * whose names and ID numbers must agree): a realistic body with payloads in its free text.
 */
const BUILDERS: Partial<Record<string, (fill: Fill, rep: number) => unknown>> = {
  'POST /api/awards/applications': (fill, rep) => {
    const athlete = fill('athlete name', 50);
    const head = fill('coach name', 50);
    return {
      applicantKind: 'coach',
      applicantName: head,
      entry: {
        kind: 'result', games: 'region-games', date: '2023-08-10', event: 'individual', sport: '田径', teamSize: 1, place: 1 + (rep % 3),
        team: fill('entry.team', 100), athletes: [{ name: athlete, county: '伊宁县' }], enteredTeamOn: '2021-03-01',
        coaches: [{ name: head, role: 'head' }], extraAwards: [], disqualified: null,
      },
      people: [
        { name: athlete, role: 'athlete', idNumber: withCheck(`65400220050307${String(100 + (rep % 900))}`) },
        { name: head, role: 'head', idNumber: withCheck(`65400219800512${String(100 + (rep % 900))}`) },
      ],
    };
  },
  'POST /api/users': (fill, rep) => ({ username: `xss-user-${rep}`, displayName: fill('displayName', 50), roles: ['leader'], organizationId: null, password: 'Ili-Sec-Check-2023' }),
  'POST /api/people/appointments': (fill, rep) => ({ name: fill('name', 50), position: `州测试${rep}局副局长`, effectiveOn: '2023-06-01', note: fill('note', 500) }),
  'POST /api/documents/import': (fill, rep) => ({
    text: [
      '关于开展安全测试工作的通知', '', `伊州政办函〔2023〕${300 + rep}号`, '',
      '自治州直属各县市人民政府，自治州人民政府各有关部门：',
      fill('text', 8000),
      '', '伊犁哈萨克自治州人民政府办公厅', '2023年9月1日',
    ].join('\n'),
    sourceName: fill('sourceName', 200),
  }),
};

/** Fields never given payloads: a password is checked against the password policy, not stored. */
const NOT_TEXT = /(^|\.)(password|currentPassword|newPassword|idNumber)$/;

async function plantRoute(payloads: Payload[], target: Target, route: ApiRoute, session: HttpSession, protectedIds: Set<string>, result: PlantResult, reps: number) {
  if (!route.body) return;
  const builder = BUILDERS[route.key];
  const samples = builder ? [] : validSamples(route.body, 8, 20230301 + route.key.length);
  if (!builder && !samples.length) return;
  let failuresInARow = 0;
  for (let rep = 0; rep < reps; rep += 1) {
    const done = result.fields.size > 0 && [...result.fields.values()].every((f) => complete(f));
    if (done || failuresInARow >= 12) break;
    const url = urlFor(route, target, rep + result.sent, protectedIds);
    if (!url) return;
    const used = new Map<string, number[]>();
    const coverageOf = (name: string) => {
      const coverage = result.fields.get(name) ?? { stored: new Set<number>(), cursor: 0 };
      result.fields.set(name, coverage);
      return coverage;
    };
    let body: unknown;
    if (builder) {
      body = builder((field, max) => {
        const packed = pack(payloads, coverageOf(field), (text) => text.length <= max);
        used.set(field, packed?.used ?? []);
        return packed?.text ?? 'x';
      }, rep + result.sent);
    } else {
      body = withRealIds(samples[rep % samples.length], target, '', rep);
      for (const p of stringPaths(body)) {
        const name = fieldName(p);
        if (NOT_TEXT.test(name) || typeof getAt(body, p) !== 'string') continue;
        const candidate = body;
        const coverage = result.fields.get(name) ?? { stored: new Set<number>(), cursor: 0 };
        const packed = pack(payloads, coverage, (text) => route.body?.safeParse(setAt(candidate, p, text)).success ?? false);
        if (!packed) continue;
        body = setAt(body, p, packed.text);
        result.fields.set(name, coverage);
        used.set(name, [...(used.get(name) ?? []), ...packed.used]);
      }
    }
    if (route.key === 'POST /api/awards/applications/:id/submit') await uploadMaterials(target, session, url);
    const res = await session.request(route.method, url, body);
    result.sent += 1;
    result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
    const accepted = res.status >= 200 && res.status < 300;
    if (accepted) {
      failuresInARow = 0;
      result.accepted += 1;
      if (res.json) target.ids.harvest(res.json, route.url.split('/').filter((s) => s && !s.startsWith(':')).pop() ?? 'root');
    } else {
      failuresInARow += 1;
    }
    // On a refusal the cursor moves on by one all the same: the next try packs other payloads
    // (a name taken by an earlier record is refused again as it is).
    for (const [name, numbers] of used) {
      const coverage = result.fields.get(name) as FieldCoverage;
      if (accepted) for (const n of numbers) coverage.stored.add(n);
      coverage.cursor = (coverage.cursor + 1) % payloads.length;
    }
  }
}

/** Steps of a procedure go to a single-role account: the one who applied may not also review or approve. */
const PROCEDURE_STEP = /\/(approve|decline|disburse|revoke|review|recoveries|handle|return|approve-request|file|notifications|objections)$/;

function sessionForPlanting(target: Target, route: ApiRoute): HttpSession | undefined {
  const policy = route.policy;
  if (PROCEDURE_STEP.test(route.url) && policy?.kind === 'permission') {
    const role = ROLES.find((r) => r !== 'county-user' && hasPermission([r], policy.permission));
    const session = role && target.sessions.get(`sec-${role}`);
    if (session) return session;
  }
  return target.sessionFor(route);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

/** An application is submitted with its certificate and ID-card copy: upload both first. */
async function uploadMaterials(target: Target, session: HttpSession, url: string) {
  const id = url.split('/')[4];
  for (const [kind, bytes, name, type] of [['certificate', PDF, 'a.pdf', 'application/pdf'], ['id-card', JPEG, 'b.jpg', 'image/jpeg']] as const) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    await fetch(`${target.baseUrl}/api/awards/applications/${id}/materials?kind=${kind}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
  }
}

function plantOrder(a: ApiRoute, b: ApiRoute): number {
  const depth = (r: ApiRoute) => pathParamNames(r.url).length * 10 + (r.method === 'POST' ? 0 : 1) + (/\/(approve|decline|disburse|revoke|submit|review|close|handle|confirm)$/.test(r.url) ? 5 : 0);
  return depth(a) - depth(b) || a.key.localeCompare(b.key);
}

export async function plant(target: Target, payloads: Payload[], repsPerPass: number): Promise<PlantResult[]> {
  const protectedIds = new Set(target.ids.get('users'));
  const routes = target.routes.filter((r) => r.stateChanging && r.body && !NOT_PLANTED.has(r.key)).sort(plantOrder);
  const results = new Map<string, PlantResult>();
  // Two passes: routes needing records made by later routes get a second chance.
  for (const [pass, reps] of [[1, repsPerPass], [2, repsPerPass]] as const) {
    for (const route of routes) {
      const session = sessionForPlanting(target, route);
      if (!session) continue;
      const result = results.get(route.key) ?? { route: route.key, sent: 0, accepted: 0, fields: new Map(), statuses: {} };
      results.set(route.key, result);
      if (pass === 2 && result.fields.size > 0 && [...result.fields.values()].every((f) => complete(f))) continue;
      await plantRoute(payloads, target, route, session, protectedIds, result, reps);
    }
  }
  return [...results.values()];
}

