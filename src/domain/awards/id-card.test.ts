import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCardNumber, maskIdCardNumber } from './id-card.js';

describe('GB 11643-1999 citizen ID numbers', () => {
  it('computes the MOD 11-2 check character', () => {
    // The standard's own example: 11010519491231002X.
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440524198001010013', true], // check character worked out by hand: Σ = 196, 196 mod 11 = 9 → '3'
    ['440524188001010014', false], // right check character, but born 1880: before 1900
    ['654002200002290010', false], // check digit wrong
    ['11010519491231002', false], // 17 characters
    ['110105194912310021', false], // wrong check digit
    ['011010194912310021', false], // address code cannot start with 0
    ['11010519490231002X', false], // 1949-02-31 is not a date
    ['1101051949123100XX', false],
    ['', false],
  ])('%s valid = %s', (id, valid) => {
    expect(isValidIdCardNumber(id)).toBe(valid);
  });

  it('accepts 29 February only in a leap year', () => {
    const leap = '65400220000229001';
    expect(isValidIdCardNumber(leap + idCardCheckChar(leap))).toBe(true);
    const common = '65400220010229001';
    expect(isValidIdCardNumber(common + idCardCheckChar(common))).toBe(false);
  });

  it('rejects a birth date after the given day or before 1900', () => {
    const future = '65400220300101001';
    expect(isValidIdCardNumber(future + idCardCheckChar(future))).toBe(true);
    expect(isValidIdCardNumber(future + idCardCheckChar(future), '2024-01-01')).toBe(false);
    const old = '65400218991231001';
    expect(isValidIdCardNumber(old + idCardCheckChar(old))).toBe(false);
  });

  it('masks the birth date and sequence, keeping the address code and the last four', () => {
    expect(maskIdCardNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdCardNumber(' 11010519491231002X ')).toBe('110105********002X');
    expect(maskIdCardNumber('123456')).toBe('******');
  });
});
