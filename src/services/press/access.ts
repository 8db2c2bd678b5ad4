import { hasPermission } from '../../domain/auth/roles.js';
import { errors } from '../../domain/errors.js';
import type { PressActorRole } from '../../domain/press/index.js';
import type { Actor } from '../actor.js';

/**
 * Who may see a unit's approval forms: the news office (press:manage) sees all; an account bound
 * to a unit that files or approves forms (county-user, department-reporter, a unit's 分管领导)
 * sees its own unit's only; other readers not bound to a unit (办公厅, prefecture leaders) see all.
 */
export function seesAllForms(actor: Actor): boolean {
  if (hasPermission(actor.roles, 'press:manage')) return true;
  if (hasPermission(actor.roles, 'press:file')) return false;
  if (hasPermission(actor.roles, 'press:approve') && actor.organizationId !== null) return false;
  return hasPermission(actor.roles, 'press:read');
}

export function canSeeForm(actor: Actor, organizationId: string): boolean {
  return seesAllForms(actor) || (actor.organizationId !== null && actor.organizationId === organizationId);
}

export function assertCanSeeForm(actor: Actor, organizationId: string): void {
  // Not found rather than forbidden: a unit learns nothing about other units' forms.
  if (!canSeeForm(actor, organizationId)) throw errors.notFound('审批单');
}

/** The parts the actor plays on a form of `organizationId` (the state machine checks each action). */
export function pressRolesFor(actor: Actor, organizationId: string): PressActorRole[] {
  const roles: PressActorRole[] = [];
  const ownUnit = actor.organizationId !== null && actor.organizationId === organizationId;
  if (ownUnit && hasPermission(actor.roles, 'press:file')) roles.push('unit');
  if (ownUnit && hasPermission(actor.roles, 'press:approve')) roles.push('leader');
  if (hasPermission(actor.roles, 'press:manage')) roles.push('newsOffice');
  return roles;
}
