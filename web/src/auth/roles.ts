/**
 * Role codes and the separation-of-duties rule come from the server's own pure module, so the form
 * checks exactly what the server enforces.
 */
import { ADMIN_ROLES, checkRoleSeparation, ROLE_LABELS, ROLES, type Role } from '../../../src/domain/auth/roles';

export { ROLE_LABELS, ROLES, type Role };

export function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

export const SEPARATED_ADMIN_ROLES: readonly Role[] = ADMIN_ROLES;

export const SEPARATION_OF_DUTIES_HINT =
  '三权分立：系统管理员、安全管理员、安全审计员三个角色互斥，同一账号只能担任其中之一，且不得兼任业务角色。';

export function isSeparatedAdminRole(role: string): boolean {
  return (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);
}

/** A Chinese message when `roles` break the separation of duties, otherwise null. */
export function separationOfDutiesError(roles: readonly string[]): string | null {
  return checkRoleSeparation(roles);
}

/** Whether `role` may still be added to `chosen` without breaking the separation of duties. */
export function canAddRole(chosen: readonly string[], role: string): boolean {
  if (chosen.includes(role)) return true;
  if (chosen.some(isSeparatedAdminRole)) return false;
  return !(isSeparatedAdminRole(role) && chosen.length > 0);
}
