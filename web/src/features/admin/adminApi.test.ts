import { describe, expect, it } from 'vitest';
import { userChanges } from './adminApi';
import type { UserRow } from './types';

const row: UserRow = {
  id: 'u1',
  username: 'zhangsan',
  displayName: '张三',
  organizationId: 'o1',
  organizationName: '伊宁市',
  roles: ['county-user', 'department-reporter'],
  status: 'locked',
  lockedUntil: '2023-02-10T10:00:00Z',
  lastLoginAt: null,
};

describe('userChanges sends only what the administrator changed', () => {
  it('a renamed locked account is not unlocked by the edit', () => {
    expect(
      userChanges(row, { displayName: ' 张三丰 ', organizationId: 'o1', roles: ['department-reporter', 'county-user'], status: 'active' }),
    ).toEqual({ displayName: '张三丰' });
  });

  it('collects every changed field', () => {
    expect(userChanges(row, { displayName: '张三', organizationId: 'o2', roles: ['county-user'], status: 'disabled' })).toEqual({
      organizationId: 'o2',
      roles: ['county-user'],
      status: 'disabled',
    });
  });
});
