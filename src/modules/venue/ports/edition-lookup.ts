/**
 * What the venue knows of fair editions, declared by the venue and provided by the floor above
 * (the fairs area provides it; app.module.ts wires it into VenueModule.forRoot). The venue is the
 * ground floor: it imports nothing of fairs, and a booking carries only an edition id.
 */
export interface EditionRef {
  id: string;
  code: string;
}

/** A port: an abstract class so that it is also the Nest injection token. */
export abstract class EditionLookup {
  /** The edition with this code; throws the 404 DomainError when there is none (a booking never names an unknown edition). */
  abstract require(code: string): Promise<EditionRef>;

  /** The codes of these editions by id; ids with no edition are left out. */
  abstract codes(ids: readonly string[]): Promise<Map<string, string>>;
}
