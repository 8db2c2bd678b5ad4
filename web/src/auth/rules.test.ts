import { describe, expect, it } from 'vitest';
import { passwordPolicyError } from './passwordPolicy';
import { canAddRole, separationOfDutiesError } from './roles';

describe('三权分立 (mirrors src/domain/auth/roles.ts checkRoleSeparation)', () => {
  it.each([
    [['system-admin'], null],
    [['office-staff', 'leader'], null],
    [['system-admin', 'auditor'], '三权分立：系统管理员、安全管理员、安全审计员不得由同一用户兼任（系统管理员、安全审计员）'],
    [['security-admin', 'office-staff'], '三权分立：安全管理员不得兼任业务角色'],
  ])('%j → %s', (roles, expected) => {
    expect(separationOfDutiesError(roles)).toBe(expected);
  });

  it.each([
    [[], 'auditor', true],
    [[], 'office-staff', true],
    [['auditor'], 'system-admin', false],
    [['auditor'], 'office-staff', false],
    [['office-staff'], 'security-admin', false],
    [['office-staff'], 'finance', true],
    [['auditor'], 'auditor', true],
  ])('with %j chosen, %s may be added: %s', (chosen, role, expected) => {
    expect(canAddRole(chosen, role)).toBe(expected);
  });
});

describe('password policy: 至少12位，含大写字母、小写字母、数字、符号中的至少三类', () => {
  it.each([
    ['Abcdefgh123!', null],
    ['abcdefgh123!', null],
    ['ABCDEFGH1234', 'classes'],
    ['abcdefghijkl', 'classes'],
    ['Abc123!', 'length'],
  ])('%s → %s', (password, problem) => {
    const error = passwordPolicyError(password);
    if (problem === null) expect(error).toBeNull();
    else expect(error).toContain(problem === 'length' ? '长度不足' : '类型不足');
  });
});
