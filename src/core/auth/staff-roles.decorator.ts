import { SetMetadata } from '@nestjs/common';

/**
 * What an organizer's staff member may do for one edition. An organizer admin of the
 * organization (every edition) may do everything; staff get these per edition.
 */
export const STAFF_ROLES = ['admin', 'reviewer', 'venue', 'meetings', 'onsite'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLES_KEY = 'fairgate:staff-roles';

/**
 * With @Roles('organizer'): which edition roles may call the route. The edition is the one the
 * route acts on (its :code / :edition parameter, `?edition=`, or the edition of the thing it names).
 * An edition's admin may always; an organization admin may everywhere. A route that is not about
 * one edition (the venue's calendar, webhooks, the team) says @StaffRoles('admin') or 'venue'
 * and is then checked against the caller's roles in any edition / the organization.
 */
export const StaffRoles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator => SetMetadata(STAFF_ROLES_KEY, roles);
