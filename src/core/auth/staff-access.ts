import type { StaffRole } from './staff-roles.decorator';

/** One grant of a staff member: a role for one edition, or (editionId null) for every edition. */
export interface StaffGrant {
  editionId: string | null;
  role: StaffRole;
}

/** Whom a route asks about: one edition (by id), any edition, or the organization itself. */
export type StaffTarget = { edition: string } | 'any' | 'organization';

/**
 * The staff check, pure: an organization admin may everything; anyone else needs one of `roles`,
 * or `admin`, granted for the target edition (or for every edition). 'any' is satisfied by such
 * a grant in any edition; 'organization' only by an organization admin.
 */
export function staffMayAct(who: { orgAdmin: boolean; grants: readonly StaffGrant[] }, roles: readonly StaffRole[], target: StaffTarget): boolean {
  if (who.orgAdmin) return true;
  if (target === 'organization') return false;
  return who.grants.some((g) =>
    (g.role === 'admin' || roles.includes(g.role)) && (target === 'any' || g.editionId === null || g.editionId === target.edition));
}

/** The editions in which the member holds one of `roles` (or admin); 'all' for an all-editions grant or an organization admin. */
export function editionsWhere(who: { orgAdmin: boolean; grants: readonly StaffGrant[] }, roles: readonly StaffRole[]): 'all' | Set<string> {
  if (who.orgAdmin) return 'all';
  const ids = new Set<string>();
  for (const g of who.grants) {
    if (g.role !== 'admin' && !roles.includes(g.role)) continue;
    if (g.editionId === null) return 'all';
    ids.add(g.editionId);
  }
  return ids;
}
