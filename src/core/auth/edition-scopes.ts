import { Injectable } from '@nestjs/common';

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
