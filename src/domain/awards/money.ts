/**
 * Exact money for award rules: amounts are integer fen, shares are rational ratios, and a line's
 * amount is its base × the product of its ratios, rounded at most once as the rulebook declares.
 */

/** An amount of money in fen (1 元 = 100 分). Always a safe integer. */
export type Fen = number;

/** An exact fraction; percentages are `{ num: p, den: 100 }`. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

/**
 * How a rulebook turns an inexact product into fen. `exact` means the regulation fixes no rounding:
 * every amount must come out in whole fen, and one that does not is refused, never rounded.
 * A regulation that rounds declares one step, e.g. `{ mode: 'half-up', unit: 100 }` (to the yuan).
 */
export type Rounding =
  | { readonly mode: 'exact' }
  | { readonly mode: 'half-up' | 'down'; readonly unit: Fen };

export class InexactAmountError extends Error {
  constructor(readonly amount: Fen, readonly ratio: Ratio) {
    super(`${formatYuan(amount)}元 × ${formatRatio(ratio)} 不能精确到分，而本办法未规定取整方法`);
    this.name = 'InexactAmountError';
  }
}

export function percent(value: number): Ratio {
  return reduce({ num: value, den: 100 });
}

export function ratio(num: number, den: number): Ratio {
  return reduce({ num, den });
}

function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function reduce(r: Ratio): Ratio {
  if (!Number.isSafeInteger(r.num) || !Number.isSafeInteger(r.den) || r.den <= 0 || r.num < 0) {
    throw new RangeError(`比例无效：${r.num}/${r.den}`);
  }
  const g = gcd(r.num, r.den) || 1;
  return { num: r.num / g, den: r.den / g };
}

export function multiplyRatios(ratios: readonly Ratio[]): Ratio {
  return ratios.reduce<Ratio>((acc, r) => reduce({ num: acc.num * r.num, den: acc.den * r.den }), {
    num: 1,
    den: 1,
  });
}

/** `amount × ratio` in fen: the one place where a rulebook's rounding is applied. */
export function applyRatio(amount: Fen, r: Ratio, rounding: Rounding): Fen {
  const product = amount * r.num;
  if (rounding.mode === 'exact' && Number.isSafeInteger(product)) {
    // Fast path: a safe integer product divides exactly in floating point or not at all.
    if (product % r.den !== 0) throw new InexactAmountError(amount, r);
    return product / r.den;
  }
  const n = BigInt(amount) * BigInt(r.num);
  if (rounding.mode === 'exact') {
    if (n % BigInt(r.den) !== 0n) throw new InexactAmountError(amount, r);
    return Number(n / BigInt(r.den));
  }
  const d = BigInt(r.den) * BigInt(rounding.unit);
  let units = n / d;
  if (rounding.mode === 'half-up' && (n % d) * 2n >= d) units += 1n;
  return Number(units) * rounding.unit;
}

/** Output boundary: fen → yuan as a JSON number (12345 → 123.45). */
export function toYuan(fen: Fen): number {
  return fen / 100;
}

/** Input boundary: a yuan amount with at most two decimals → fen; anything else → null. */
export function yuanToFen(yuan: unknown): Fen | null {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0) return null;
  const fen = Math.round(yuan * 100);
  if (!Number.isSafeInteger(fen) || Math.abs(fen - yuan * 100) > 1e-6) return null;
  return fen;
}

/** '20000', '12.5', '0.01': yuan without trailing zeros, for explanations. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** '20%' when the ratio is a whole percentage, otherwise '1/3'. */
export function formatRatio(r: Ratio): string {
  const pct = (r.num * 100) / r.den;
  return Number.isInteger(pct) ? `${pct}%` : `${r.num}/${r.den}`;
}
