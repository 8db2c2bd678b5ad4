import type { Role } from './roles';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  organization: { id: string; name: string } | null;
  roles: Role[];
  /** e.g. `documents:read`, `users:manage`, `audit:read` */
  permissions: string[];
}
