import { Injectable } from '@nestjs/common';
import { TtlCache } from '../../core/cache/ttl-cache';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import type { VenueSpace } from './entities/venue-space.entity';
import type { Venue } from './entities/venue.entity';
import { VenueRepository } from './venue.repository';

/** The venue as the services see it: its spaces and which atomic spaces each one covers. */
export interface VenueLayout {
  venue: Venue;
  spaces: VenueSpace[];
  byCode: Map<string, VenueSpace>;
  byId: Map<string, VenueSpace>;
  /** space id → the atomic spaces it occupies (itself, or its parts). */
  leaves: Map<string, string[]>;
  parts: Map<string, string[]>;
}

const LAYOUT_TTL_MS = 60_000;

/**
 * The venue and its spaces change only through the seed (no API edits them yet), so each
 * process keeps them for a minute instead of reading them on every request. One instance,
 * shared by the venue's services.
 */
@Injectable()
export class VenueLayouts {
  private readonly layouts = new TtlCache<string, VenueLayout>(LAYOUT_TTL_MS);

  constructor(private readonly venues: VenueRepository) {}

  /** The layout of the venue the code names; 404 when there is none. */
  async get(venueCode: string): Promise<VenueLayout> {
    return this.layouts.getOrLoad(venueCode, () => this.load(venueCode));
  }

  private async load(venueCode: string): Promise<VenueLayout> {
    const venue = await this.venues.findVenueByCode(venueCode);
    if (!venue) throw new DomainError(ErrorCode.NotFound, `No venue "${venueCode}".`);
    const [spaces, parts] = await Promise.all([this.venues.findSpaces(venue.id), this.venues.findParts(venue.id)]);
    const leaves = new Map<string, string[]>();
    for (const s of spaces) leaves.set(s.id, parts.get(s.id) ?? [s.id]);
    return { venue, spaces, parts, leaves, byCode: new Map(spaces.map((s) => [s.code, s])), byId: new Map(spaces.map((s) => [s.id, s])) };
  }
}

/** The space the code names in this layout; 404 pointing at the venue's list of spaces otherwise. */
export function spaceOf(layout: VenueLayout, code: string): VenueSpace {
  const s = layout.byCode.get(code);
  if (!s) throw new DomainError(ErrorCode.NotFound, `No space "${code}" at ${layout.venue.code}; see GET /api/venues/${layout.venue.code}/spaces.`);
  return s;
}
