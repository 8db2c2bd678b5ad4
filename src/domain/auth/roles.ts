/**
 * Roles of the office and what each may do. Permissions are `<module>:<verb>` strings; routes name
 * the permission they need in their module's policy file (src/server/policies). Deny by default:
 * a permission no role lists here is held by nobody.
 */
export const ADMIN_ROLES = ['system-admin', 'security-admin', 'auditor'] as const;
export const BUSINESS_ROLES = [
  'office-staff',
  'sports-reviewer',
  'finance',
  'county-user',
  'department-reporter',
  'news-office',
  'supervision-office',
  'leader',
] as const;
export const ROLES = [...ADMIN_ROLES, ...BUSINESS_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
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
};

const READ_ALL = [
  'documents:read',
  'directory:read',
  'bodies:read',
  'awards:read',
  'press:read',
  'livelihood:read',
  'calendar:read',
  'organizations:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  // 三权分立: the system admin runs the system, the security admin guards accounts, the auditor
  // reads the audit log and nothing else.
  'system-admin': ['users:read', 'users:manage', 'organizations:read', 'organizations:manage', 'calendar:manage', 'calendar:read', 'documents:import'],
  'security-admin': ['users:read', 'users:security', 'organizations:read'],
  auditor: ['audit:read'],
  'office-staff': [
    ...READ_ALL,
    'documents:import',
    'directory:manage',
    'bodies:manage',
    'awards:approve',
    'livelihood:manage',
  ],
  'sports-reviewer': ['documents:read', 'organizations:read', 'awards:read', 'awards:read-id', 'awards:apply', 'awards:review', 'calendar:read'],
  finance: ['documents:read', 'organizations:read', 'awards:read', 'awards:read-id', 'awards:disburse', 'calendar:read'],
  'county-user': ['documents:read', 'organizations:read', 'awards:read', 'awards:apply', 'press:read', 'press:file', 'livelihood:read', 'livelihood:report', 'calendar:read'],
  'department-reporter': ['documents:read', 'organizations:read', 'directory:read', 'bodies:read', 'awards:read', 'awards:apply', 'press:read', 'press:file', 'livelihood:read', 'livelihood:report', 'bodies:report', 'calendar:read'],
  'news-office': ['documents:read', 'organizations:read', 'press:read', 'press:manage', 'calendar:read'],
  'supervision-office': ['documents:read', 'organizations:read', 'directory:read', 'livelihood:read', 'livelihood:supervise', 'bodies:read', 'calendar:read'],
  leader: [...READ_ALL, 'dashboard:read', 'press:approve'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): string[] {
  const set = new Set<string>();
  for (const role of roles) if (isRole(role)) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return [...set].sort();
}

export function hasPermission(roles: readonly string[], permission: string): boolean {
  return roles.some((role) => isRole(role) && ROLE_PERMISSIONS[role].includes(permission));
}

/** 三权分立: nobody holds two of the three admin roles. Returns a Chinese problem or null. */
export function checkRoleSeparation(roles: readonly string[]): string | null {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) return `未知角色：${unknown.join('、')}`;
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
  if (admin.length > 1) {
    return `三权分立：系统管理员、安全管理员、安全审计员不得由同一用户兼任（${admin.map((r) => ROLE_LABELS[r as Role]).join('、')}）`;
  }
  if (admin.length === 1 && roles.length > 1) {
    return `三权分立：${ROLE_LABELS[admin[0] as Role]}不得兼任业务角色`;
  }
  return null;
}
