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

/** 三权分立: the three administrator roles are held by three different people. */
export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system-admin', 'security-admin', 'auditor'];

export const SEPARATION_OF_DUTIES_HINT =
  '三权分立：系统管理员、安全管理员、安全审计员三个角色互斥，同一账号只能担任其中之一。';

/** The separated admin roles among `roles`; more than one of them is a violation. */
export function separatedAdminRoles(roles: readonly string[]): Role[] {
  return SEPARATED_ADMIN_ROLES.filter((r) => roles.includes(r));
}

/** A Chinese message when `roles` break the separation of duties, otherwise null. */
export function separationOfDutiesError(roles: readonly string[]): string | null {
  const held = separatedAdminRoles(roles);
  if (held.length <= 1) return null;
  return `${held.map(roleLabel).join('、')}不能由同一账号兼任（三权分立）`;
}
