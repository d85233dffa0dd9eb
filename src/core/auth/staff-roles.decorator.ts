import { SetMetadata } from '@nestjs/common';

/**
 * What an organizer's staff member may do for one edition. An organizer admin of the
 * organization (every edition) may do everything; staff get these per edition.
 */
export const STAFF_ROLES = ['admin', 'reviewer', 'venue', 'meetings', 'onsite'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLES_KEY = 'fairgate:staff-roles';

/**
 * Which edition a route acts on, for the staff check (see docs/architecture.md, "Organizer teams"):
 * - 'edition' (the default): the route's `:code` or `:edition` parameter, else `?edition=`; a route
 *   that names none (a section's landing page) asks for the role in any edition;
 * - 'any': not about one edition (the venue calendar, the mail console): the role in any edition;
 * - 'organization': organization admins only (creating editions, the audit log);
 * - 'self': any organizer account, whatever its roles (its own session: logout, me);
 * - any other name: a kind registered with EditionScopes by the area that owns the table
 *   ('application', 'booking'): the edition of the thing whose id is the `param` (default `id`).
 */
export interface StaffScope {
  scope?: 'edition' | 'any' | 'organization' | 'self' | (string & {});
  param?: string;
}

export interface StaffRulesMeta {
  roles: StaffRole[];
  scope: string;
  param: string;
}

/**
 * With @Roles('organizer'): which edition roles may call the route, e.g. `@StaffRoles('reviewer')`
 * or `@StaffRoles('reviewer', { scope: 'application' })`. An edition's admin may always; an
 * organization admin may everywhere. An organizer route without it is for organization admins only.
 */
export const StaffRoles = (...args: Array<StaffRole | StaffScope>): MethodDecorator & ClassDecorator => {
  const roles = args.filter((a): a is StaffRole => typeof a === 'string');
  const options = args.find((a): a is StaffScope => typeof a === 'object') ?? {};
  const meta: StaffRulesMeta = { roles, scope: options.scope ?? 'edition', param: options.param ?? 'id' };
  return SetMetadata(STAFF_ROLES_KEY, meta);
};
