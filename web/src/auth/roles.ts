/** Role codes as the server sends them, with the names users see. */
export const ROLE_LABELS = {
  'system-admin': '系统管理员',
  'security-admin': '安全管理员',
  auditor: '安全审计员',
  'office-staff': '办公厅工作人员',
  'sports-reviewer': '体育局审核人员',
  finance: '财政局',
  'county-user': '县（市）用户',
  'department-reporter': '部门填报人员',
  'news-office': '州政府新闻办',
  'supervision-office': '督查室',
  leader: '领导',
} as const;

export type Role = keyof typeof ROLE_LABELS;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

/**
 * 三权分立: the three administrator roles are held by three different people, and an administrator
 * holds no business role. The server enforces the same rule (src/domain/auth/roles.ts,
 * checkRoleSeparation); the form checks first so the user sees it before sending.
 */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system-admin', 'security-admin', 'auditor'];

export const SEPARATION_OF_DUTIES_HINT =
  '三权分立：系统管理员、安全管理员、安全审计员三个角色互斥，同一账号只能担任其中之一，且不得兼任业务角色。';

export function isSeparatedAdminRole(role: string): boolean {
  return (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);
}

/** A Chinese message when `roles` break the separation of duties, otherwise null. */
export function separationOfDutiesError(roles: readonly string[]): string | null {
  const admin = roles.filter(isSeparatedAdminRole);
  if (admin.length > 1) return `三权分立：${admin.map(roleLabel).join('、')}不得由同一账号兼任`;
  if (admin.length === 1 && roles.length > 1) return `三权分立：${roleLabel(admin[0])}不得兼任业务角色`;
  return null;
}

/** Whether `role` may still be added to `chosen` without breaking the separation of duties. */
export function canAddRole(chosen: readonly string[], role: string): boolean {
  if (chosen.includes(role)) return true;
  if (chosen.some(isSeparatedAdminRole)) return false;
  return !(isSeparatedAdminRole(role) && chosen.length > 0);
}
