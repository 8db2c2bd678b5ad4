import type { Role } from './roles';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  organization: { id: string; name: string } | null;
  roles: Role[];
  /** e.g. `documents:read`, `users:manage`, `audit:read` */
  permissions: string[];
  /** The password has expired or was set by an administrator: nothing else opens until it is changed. */
  mustChangePassword: boolean;
}
