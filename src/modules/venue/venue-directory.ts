import { Injectable } from '@nestjs/common';
import type { VenueSpace } from './entities/venue-space.entity';
import type { Venue } from './entities/venue.entity';
import { VenueRepository } from './venue.repository';

/**
 * The venue's read API for the floors above: which venue and which space a code names. Fairs
 * ask here when an edition is placed in a venue or a session in a room, instead of reading the
 * venue's tables. The rows are read models: callers import their types only.
 */
@Injectable()
export class VenueDirectory {
  constructor(private readonly venues: VenueRepository) {}

  findVenue(code: string): Promise<Venue | null> {
    return this.venues.findVenueByCode(code);
  }

  findSpace(venueId: string, code: string): Promise<VenueSpace | null> {
    return this.venues.findSpaceByCode(venueId, code);
  }
}
