import { readMarker } from '../documents/markers.js';
import { foldRegionPrefix, organizationForms } from './organizations.js';
import { normalizePosition, splitPosition } from './positions.js';
import type { Liaison, Member } from './types.js';

/**
 * 联络员: each liaison's unit is the member unit their position starts with, in any of its names
 * (州党委组织部干部三处处长 → 州党委组织部; 州发展改革委社会发展处处长 → 州发展改革委), returned
 * as the position writes it. A liaison whose unit has no member falls back to splitPosition().
 */
export function liaisonUnit(position: string, members: readonly Member[]): string {
  const written = normalizePosition(position);
  const folded = foldRegionPrefix(written);
  const shift = written.length - folded.length;
  const forms = memberUnits(members).flatMap((u) => organizationForms(u));
  const best = forms.filter((f) => folded.startsWith(f)).sort((a, b) => b.length - a.length)[0];
  if (best !== undefined) return written.slice(0, best.length + shift);
  return splitPosition(written)[0]?.unit ?? written;
}

function memberUnits(members: readonly Member[]): string[] {
  return [...new Set(members.flatMap((m) => splitPosition(m.position).map((p) => p.unit)))];
}

export function toLiaison(entry: { name: string; position: string; line: number }, members: readonly Member[]): Liaison {
  return { name: entry.name, position: entry.position, unit: liaisonUnit(entry.position, members), line: entry.line };
}

/**
 * The numbered duties after a 联络员工作职责 heading: one string per number, whatever the
 * numbering style ((1) then （二） in the real text); unnumbered lines continue the duty above.
 */
export function readDuties(lines: readonly string[]): string[] {
  const duties: string[] = [];
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') continue;
    const marker = readMarker(t);
    if (marker && !['chapter', 'section', 'article'].includes(marker.style)) duties.push(marker.rest);
    else if (duties.length > 0) duties[duties.length - 1] += t;
  }
  return duties;
}
