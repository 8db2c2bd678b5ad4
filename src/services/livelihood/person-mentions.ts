import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { MentionedPerson, PersonMention, PersonMentionFinder } from '../directory/person-mentions.js';

interface LeaderRow {
  measure_id: string;
  measure_no: number;
  project_no: number;
  project_title: string;
  doc_number: string | null;
  role: '牵头领导' | '责任领导';
  title: string;
  unit: string | null;
  /** Organisations the unit as written resolves to (by name or alias). */
  unit_org: string | null;
  /** People of that name in the directory. */
  namesakes: number;
}

/**
 * Livelihood measures naming the person as 牵头领导 or 责任领导. The plan names leaders by unit,
 * post and name ("州教育局党组成员、副局长李蓉"). The name decides when the directory has one person of
 * that name; with namesakes, the measure's unit must be the person's organisation or the
 * organisation of one of their posts (the same name in another unit is another person).
 */
export const livelihoodMentions: PersonMentionFinder = {
  name: 'livelihood',
  async find(db: Db, person: MentionedPerson): Promise<PersonMention[]> {
    const rows = await queryRows<LeaderRow>(
      db,
      sql`SELECT m.id AS measure_id, m.no AS measure_no, p.no AS project_no, p.title AS project_title, pl.doc_number,
            l.role, l.ref->>'title' AS title, l.ref->>'unit' AS unit,
            coalesce(o.id, a.organization_id)::text AS unit_org,
            (SELECT count(*)::int FROM people n WHERE n.name = ${person.name}) AS namesakes
          FROM livelihood_measures m
          JOIN livelihood_projects p ON p.id = m.project_id
          JOIN livelihood_plans pl ON pl.id = p.plan_id
          CROSS JOIN LATERAL (
            SELECT '牵头领导' AS role, r AS ref, i FROM jsonb_array_elements(m.lead_leaders) WITH ORDINALITY AS x(r, i)
            UNION ALL
            SELECT '责任领导', r, i FROM jsonb_array_elements(m.responsible_leaders) WITH ORDINALITY AS y(r, i)
          ) l
          LEFT JOIN organizations o ON o.name = l.ref->>'unit'
          LEFT JOIN organization_aliases a ON a.alias = l.ref->>'unit'
          WHERE l.ref->>'name' = ${person.name}
          ORDER BY pl.year DESC, p.no, m.no, l.role DESC, l.i`,
    );
    if (rows.length === 0) return [];
    const own = new Set<string>();
    if (person.organizationId) own.add(person.organizationId);
    const postOrgs = await queryRows<{ organization_id: string }>(
      db,
      sql`SELECT DISTINCT po.organization_id::text AS organization_id FROM post_holdings h JOIN posts po ON po.id = h.post_id
          WHERE h.person_id = ${person.id}`,
    );
    for (const r of postOrgs) own.add(r.organization_id);
    return rows
      .filter((r) => r.namesakes <= 1 || (r.unit_org !== null && own.has(r.unit_org)))
      .map((r) => ({
        kind: '民生实事工作措施',
        title: `${r.project_no}. ${r.project_title} — 措施${r.measure_no}`,
        role: `${r.role}（${r.unit ?? ''}${r.title}）`,
        link: `/livelihood/measures/${r.measure_id}`,
        docNumber: r.doc_number,
      }));
  },
};
