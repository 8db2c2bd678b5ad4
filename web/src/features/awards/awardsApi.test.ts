import { describe, expect, it } from 'vitest';
import { availableActions, entryFromForm, formFromEntry, parseExtraAwards, yuanTextToFen, type EntryFormValues } from './awardsApi';

const form: EntryFormValues = {
  applicantKind: 'coach',
  applicantName: '张伟',
  kind: 'result',
  games: 'region-games',
  date: '2023-08-10',
  event: 'individual',
  sport: ' 田径 ',
  teamSize: 3,
  place: 1,
  team: '伊犁州田径队',
  enteredTeamOn: '2021-03-01',
  regionAward: 50000,
  extraAwards: '3000，5000',
  athletes: [{ name: '阿力木', county: '伊宁县', idNumber: '654002200503071234' }, { name: '  ' }],
  coaches: [{ name: '张伟', role: 'head' }, { name: '李军', role: 'original', idNumber: ' 65402119750101332X ' }, { name: '无角色' }],
};

describe('entry form ↔ batch shape', () => {
  it('builds the result of the batch shape: an individual is a team of one, regionAward only for national/international', () => {
    const { entry, people } = entryFromForm(form);
    expect(entry).toEqual({
      kind: 'result',
      games: 'region-games',
      date: '2023-08-10',
      event: 'individual',
      sport: '田径',
      teamSize: 1,
      place: 1,
      team: '伊犁州田径队',
      teamCounty: null,
      enteredTeamOn: '2021-03-01',
      regionAward: null,
      extraAwards: [3000, 5000],
      athletes: [{ name: '阿力木', county: '伊宁县' }],
      coaches: [{ name: '张伟', role: 'head' }, { name: '李军', role: 'original' }],
    });
    expect(people).toEqual([
      { name: '阿力木', role: 'athlete', idNumber: '654002200503071234' },
      { name: '李军', role: 'original', idNumber: '65402119750101332X' },
    ]);
  });

  it('keeps only the fields of other kinds of award', () => {
    expect(entryFromForm({ ...form, kind: 'transfer' }).entry).toEqual({
      kind: 'transfer',
      date: '2023-08-10',
      athletes: [{ name: '阿力木', county: '伊宁县' }],
      coaches: [{ name: '张伟', role: 'head' }, { name: '李军', role: 'original' }],
    });
    expect(entryFromForm({ ...form, kind: 'sportsmanship' }).entry.team).toBe('伊犁州田径队');
  });

  it('round-trips a stored entry into the form', () => {
    const { entry } = entryFromForm(form);
    const back = formFromEntry(entry, { applicantKind: 'coach', applicantName: '张伟' });
    expect(entryFromForm(back).entry).toEqual(entry);
  });

  it('reads extra awards and yuan amounts exactly', () => {
    expect(parseExtraAwards('3000；5000、 8000')).toEqual([3000, 5000, 8000]);
    expect(parseExtraAwards(undefined)).toEqual([]);
    expect(yuanTextToFen('1,234.5')).toBe(123450);
    expect(yuanTextToFen('0.01')).toBe(1);
    expect(yuanTextToFen('0')).toBeNull();
    expect(yuanTextToFen('1.234')).toBeNull();
    expect(yuanTextToFen('abc')).toBeNull();
  });
});

describe('buttons shown on an application', () => {
  const can = (held: string[]) => (p: string) => held.includes(p);
  const base = { mine: false, editable: false, recoveryDueFen: 0, recoveredFen: 0 };
  it('never offers a decision on one’s own application', () => {
    expect(availableActions({ ...base, status: 'submitted', mine: true }, can(['awards:review'])).review).toBe(false);
    expect(availableActions({ ...base, status: 'submitted' }, can(['awards:review'])).review).toBe(true);
  });
  it('follows the state machine', () => {
    expect(availableActions({ ...base, status: 'reported' }, can(['awards:approve'])).decide).toBe(true);
    expect(availableActions({ ...base, status: 'approved' }, can(['awards:disburse'])).disburse).toBe(true);
    expect(availableActions({ ...base, status: 'revoked', recoveryDueFen: 10, recoveredFen: 5 }, can(['awards:disburse'])).recover).toBe(true);
    expect(availableActions({ ...base, status: 'revoked' }, can(['awards:review'])).revoke).toBe(false);
  });
});
