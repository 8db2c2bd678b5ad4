import { describe, expect, it } from 'vitest';
import { duplicatesPath, organizationMatches, peoplePath, period, type DirectoryOrganization } from './directoryApi';

describe('directory page helpers', () => {
  const ndrc: DirectoryOrganization = {
    id: 'x', name: '州发展和改革委员会', kind: 'unit', people: 3, posts: 4,
    aliases: [{ alias: '州发改委', source: 'reviewed' }, { alias: '州发展改革委', source: 'reviewed' }],
  };

  it('finds an organisation by any of its names', () => {
    expect(organizationMatches(ndrc, '发改委')).toBe(true);
    expect(organizationMatches(ndrc, '发展和改革')).toBe(true);
    expect(organizationMatches(ndrc, '')).toBe(true);
    expect(organizationMatches(ndrc, '财政局')).toBe(false);
  });

  it('builds the search paths and says periods the usual way', () => {
    expect(peoplePath(' dlbk ')).toBe('/api/people?q=dlbk&limit=200');
    expect(peoplePath('')).toBe('/api/people?limit=200');
    expect(duplicatesPath(true)).toBe('/api/people/duplicates?all=true');
    expect(duplicatesPath(false)).toBe('/api/people/duplicates');
    expect(period('2023-02-25', null)).toBe('2023-02-25起');
    expect(period('2023-02-25', '2023-06-01')).toBe('2023-02-25 至 2023-06-01');
    expect(period(null, null)).toBe('—');
  });
});
