import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, passwordChangeRequired, passwordExpired } from './password-policy.js';
import { checkRoleSeparation, hasPermission, permissionsOf } from './roles.js';

describe('password policy', () => {
  it.each([
    ['Short1!', ['密码长度至少12位']],
    ['alllowercaseletters', ['密码须包含大写字母、小写字母、数字、符号中的至少三类']],
    ['P@ssw0rd1234', ['密码过于常见，请更换']],
    ['Zhangsan#2023x', ['密码不得包含用户名']],
    ['Aaaa1111bbbb!', ['密码不得包含4个以上连续相同的字符']],
    ['Ili-Gov-Office-7', []],
    ['yili2023office!', []],
  ])('%s → %j', (password, problems) => {
    expect(checkPasswordPolicy({ password, username: 'zhangsan' })).toEqual(problems);
  });

  it('expires after the rotation period', () => {
    const changed = new Date('2023-01-01T00:00:00Z');
    expect(passwordExpired(changed, new Date('2023-03-31T00:00:00Z'), 90)).toBe(false);
    expect(passwordExpired(changed, new Date('2023-04-02T00:00:00Z'), 90)).toBe(true);
    expect(passwordExpired(changed, new Date('2030-01-01T00:00:00Z'), 0)).toBe(false);
  });

  it('requires a change for a password the user did not choose, or one past its period', () => {
    const passwordChangedAt = new Date('2023-01-01T00:00:00Z');
    const soon = new Date('2023-01-02T00:00:00Z');
    expect(passwordChangeRequired({ mustChangePassword: false, passwordChangedAt }, soon, 90)).toBe(false);
    expect(passwordChangeRequired({ mustChangePassword: true, passwordChangedAt }, soon, 90)).toBe(true);
    expect(passwordChangeRequired({ mustChangePassword: true, passwordChangedAt }, soon, 0)).toBe(true);
    expect(passwordChangeRequired({ mustChangePassword: false, passwordChangedAt }, new Date('2023-04-02T00:00:00Z'), 90)).toBe(true);
  });
});

describe('roles', () => {
  it('keeps the three admin roles apart (三权分立)', () => {
    expect(checkRoleSeparation(['system-admin', 'auditor'])).toContain('三权分立');
    expect(checkRoleSeparation(['auditor', 'leader'])).toContain('不得兼任业务角色');
    expect(checkRoleSeparation(['sports-reviewer', 'finance'])).toBeNull();
    expect(checkRoleSeparation(['king'])).toBe('未知角色：king');
  });

  it('gives the auditor the audit log and nothing else', () => {
    expect(permissionsOf(['auditor'])).toEqual(['audit:read']);
  });

  it('denies what no role grants', () => {
    expect(hasPermission(['leader'], 'awards:approve')).toBe(false);
    expect(hasPermission(['leader'], 'livelihood:read')).toBe(true);
    expect(hasPermission([], 'documents:read')).toBe(false);
  });
});
