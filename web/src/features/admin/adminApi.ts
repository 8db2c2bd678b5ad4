import { api } from '../../api';
import type { Role } from '../../auth/roles';
import type { Organization, OrganizationKind, UserRow, UserStatus } from './types';

export const USERS_PATH = '/api/users';
export const ORGANIZATIONS_PATH = '/api/organizations';

export interface NewUser {
  username: string;
  displayName: string;
  organizationId: string;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  displayName?: string;
  organizationId?: string;
  roles?: Role[];
  status?: UserStatus;
}

export interface EditableUserFields {
  displayName: string;
  organizationId: string;
  roles: Role[];
  /** The edit form offers 启用/停用 only; locking has its own action. */
  status: 'active' | 'disabled';
}

/** What the edit form starts from for `row`. */
export function editableFields(row: UserRow): Partial<EditableUserFields> {
  return {
    displayName: row.displayName,
    organizationId: row.organizationId ?? undefined,
    roles: row.roles,
    status: row.status === 'disabled' ? 'disabled' : 'active',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Only the fields the administrator changed, so an edit never touches the rest (in particular an
 * edit of a locked account's name must not unlock it by sending status `active`).
 */
export function userChanges(row: UserRow, values: EditableUserFields): UserChanges {
  const initial = editableFields(row);
  const changes: UserChanges = {};
  if (values.displayName.trim() !== row.displayName) changes.displayName = values.displayName.trim();
  if (values.organizationId !== initial.organizationId) changes.organizationId = values.organizationId;
  if (!sameSet(values.roles, row.roles)) changes.roles = values.roles;
  if (values.status !== initial.status) changes.status = values.status;
  return changes;
}

const userPath = (id: string, action?: string) =>
  `${USERS_PATH}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const adminApi = {
  createUser: (user: NewUser) => api.post<unknown>(USERS_PATH, user),
  updateUser: (id: string, changes: UserChanges) => api.patch<unknown>(userPath(id), changes),
  lockUser: (id: string) => api.post<unknown>(userPath(id, 'lock')),
  unlockUser: (id: string) => api.post<unknown>(userPath(id, 'unlock')),
  resetPassword: (id: string, password: string) => api.post<unknown>(userPath(id, 'reset-password'), { password }),
  createOrganization: (org: { name: string; kind: OrganizationKind; parentId?: string }) =>
    api.post<unknown>(ORGANIZATIONS_PATH, org),
  addAlias: (id: string, alias: string) =>
    api.post<unknown>(`${ORGANIZATIONS_PATH}/${encodeURIComponent(id)}/aliases`, { alias }),
};

export type UsersResponse = { items: UserRow[] };
export type OrganizationsResponse = { items: Organization[] };

/** Case-insensitive match of a search text against an organisation's name and aliases. */
export function organizationMatches(org: Organization, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [org.name, ...org.aliases].some((n) => n.toLowerCase().includes(needle));
}
