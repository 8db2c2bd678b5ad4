import type { Role } from '../../auth/roles';

export type UserStatus = 'active' | 'locked' | 'disabled';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  organizationId: string | null;
  organizationName: string | null;
  roles: Role[];
  status: UserStatus;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export type OrganizationKind = 'unit' | 'county' | 'body';

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  aliases: string[];
}

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  unit: '单位/部门',
  county: '县（市）',
  body: '议事协调机构',
};

export const USER_STATUS_LABELS: Record<UserStatus, { text: string; color: string }> = {
  active: { text: '正常', color: 'green' },
  locked: { text: '已锁定', color: 'orange' },
  disabled: { text: '已停用', color: 'default' },
};
