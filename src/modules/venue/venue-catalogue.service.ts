import { Injectable } from '@nestjs/common';
import type { SpaceResponse, VenueResponse } from './dto/venue.response';
import type { Venue } from './entities/venue.entity';
import { VenueLayouts } from './venue-layout';
import { VenueRepository } from './venue.repository';

/** The venues and their spaces as the API lists them (capacities, parts and combinations). */
@Injectable()
export class VenueCatalogueService {
  constructor(
    private readonly venues: VenueRepository,
    private readonly layouts: VenueLayouts,
  ) {}

  async listVenues(): Promise<VenueResponse[]> {
    return (await this.venues.findVenues()).map(toVenueResponse);
  }

  async listSpaces(venueCode: string): Promise<SpaceResponse[]> {
    const layout = await this.layouts.get(venueCode);
    const partOf = new Map<string, string[]>();
    for (const [whole, parts] of layout.parts) for (const p of parts) partOf.set(p, [...(partOf.get(p) ?? []), layout.byId.get(whole)!.code]);
    return layout.spaces.map((s) => ({
      code: s.code,
      nameKo: s.nameKo,
      nameEn: s.nameEn,
      kind: s.kind,
      building: s.building,
      floor: s.floor,
      areaM2: s.areaM2 === null ? null : Number(s.areaM2),
      capacity: { theatre: s.seats, classroom: s.capacityClassroom, banquet: s.capacityBanquet, exhibitionBooths: s.boothCapacity },
      parts: (layout.parts.get(s.id) ?? []).map((id) => layout.byId.get(id)!.code).sort(),
      partOf: (partOf.get(s.id) ?? []).sort(),
      assumedFields: s.assumedFields,
    }));
  }
}

function toVenueResponse(v: Venue): VenueResponse {
  return {
    code: v.code, nameKo: v.nameKo, nameEn: v.nameEn, addressKo: v.addressKo, addressEn: v.addressEn,
    timezone: v.timezone, opensAt: v.opensAt.slice(0, 5), closesAt: v.closesAt.slice(0, 5),
  };
}
