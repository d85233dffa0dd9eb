import { Injectable } from '@nestjs/common';
import { editionsWhere, type StaffGrant } from './staff-access';
import type { StaffRole } from './staff-roles.decorator';

/**
 * Answers the id of the edition a thing belongs to (null: it belongs to none, e.g. a venue booking
 * of an outside event), or undefined when there is no such thing.
 */
export type EditionScopeResolver = (value: string) => Promise<string | null | undefined>;

/**
 * The port through which the staff check learns which edition a route acts on. Core knows no
 * table of the areas: each area registers a resolver for its kind on module init — the fairs area
 * 'edition' (an edition's code), exhibitors 'application', the venue 'booking' — and a route names
 * the kind in `@StaffRoles(..., { scope: 'application' })`.
 */
@Injectable()
export class EditionScopes {
  private readonly resolvers = new Map<string, EditionScopeResolver>();

  register(kind: string, resolver: EditionScopeResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`An edition scope resolver for "${kind}" is already registered`);
    this.resolvers.set(kind, resolver);
  }

  /** The edition id of the thing, null for none, undefined for an unknown thing. Throws for an unregistered kind (a wiring bug). */
  async resolve(kind: string, value: string): Promise<string | null | undefined> {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new Error(`No edition scope resolver is registered for "${kind}" (see EditionScopes)`);
    return resolver(value);
  }
}

/**
 * The rows (editions, by code) in which the member holds one of `roles` or admin: an edition
 * picker's choices, so a landing page never offers or opens an edition the member is refused.
 */
export async function editionsOfMember<T extends { code: string }>(
  scopes: EditionScopes, member: { orgAdmin: boolean; grants: readonly StaffGrant[] }, roles: readonly StaffRole[], rows: readonly T[],
): Promise<T[]> {
  const mine = editionsWhere(member, roles);
  if (mine === 'all') return [...rows];
  const ids = await Promise.all(rows.map((r) => scopes.resolve('edition', r.code)));
  return rows.filter((_, i) => typeof ids[i] === 'string' && mine.has(ids[i]));
}
