/** What an award rule concludes for one entry: refused with reasons, or paid lines with notes. */
import type { AwardLine } from './types.js';

export type Assessment =
  | { readonly kind: 'refused'; readonly reasons: readonly string[] }
  | { readonly kind: 'paid'; readonly lines: readonly AwardLine[]; readonly notes: readonly string[] };

export function refused(...reasons: string[]): Assessment {
  return { kind: 'refused', reasons };
}

export function paid(lines: readonly AwardLine[], notes: readonly string[] = []): Assessment {
  return { kind: 'paid', lines, notes };
}
