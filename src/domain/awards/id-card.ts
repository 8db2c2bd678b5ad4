/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and a check
 * character computed by ISO 7064 MOD 11-2. 第十九条 applications carry the 身份证; these helpers check
 * a number and mask it for display and logs.
 */
import { isIsoDate, type IsoDate } from '../shared/dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

/** The check character for the first 17 digits (MOD 11-2). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The birth date encoded in positions 7–14, when it is a real calendar date. */
export function idCardBirthDate(id: string): IsoDate | null {
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isIsoDate(date) ? date : null;
}

/**
 * True for an 18-character number with a valid check character and a real birth date no earlier
 * than 1900-01-01 (and, when `today` is given, not after it). A lowercase x is accepted as X.
 * The address code is only checked for shape: the GB/T 2260 code list changes over time.
 */
export function isValidIdCardNumber(value: string, today?: IsoDate): boolean {
  const id = value.trim().toUpperCase();
  if (!SHAPE.test(id)) return false;
  const birth = idCardBirthDate(id);
  if (birth === null || birth < '1900-01-01' || (today !== undefined && birth > today)) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * Keeps the address code (first 6) and the last 4, masking the birth date and the rest:
 * 110101199003071234 → 110101********1234. Anything shorter than 11 characters is masked whole.
 */
export function maskIdCardNumber(value: string): string {
  const id = value.trim();
  if (id.length < 11) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
