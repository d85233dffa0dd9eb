import { Injectable } from '@nestjs/common';
import { DomainError } from '../../core/errors/domain-error';
import { datesBetween, formatLocal, localToInstant } from '../../core/time/zoned-time';
import { freeWindows, type Interval } from './domain/booking-rules';
import type { AvailabilityQuery } from './dto/booking.dto';
import type { DayViewResponse, SpaceAvailabilityResponse } from './dto/venue.response';
import { spaceOf, VenueLayouts } from './venue-layout';
import { VenueRepository } from './venue.repository';

const MAX_AVAILABILITY_DAYS = 31;

/** What is free when: each space's free windows over a range of days, and the day view (spaces × hours). */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly venues: VenueRepository,
    private readonly layouts: VenueLayouts,
  ) {}

  /** Free windows of each space, day by day within opening hours. */
  async availability(venueCode: string, q: AvailabilityQuery): Promise<SpaceAvailabilityResponse[]> {
    const layout = await this.layouts.get(venueCode);
    const days = this.days(q.from, q.to);
    const spaces = q.space ? [spaceOf(layout, q.space)] : layout.spaces;
    const { venue } = layout;
    const rangeFrom = localToInstant(days[0], venue.opensAt, venue.timezone);
    const rangeUntil = localToInstant(days[days.length - 1], venue.closesAt, venue.timezone);
    const allLeaves = [...new Set(spaces.flatMap((s) => layout.leaves.get(s.id)!))];
    const busy = await this.venues.findBusy(allLeaves, rangeFrom, rangeUntil);
    const windows = days.map((day) => ({ from: localToInstant(day, venue.opensAt, venue.timezone), until: localToInstant(day, venue.closesAt, venue.timezone) }));
    return spaces.map((s) => {
      const leaves = new Set(layout.leaves.get(s.id));
      const mine = busy.filter((b) => leaves.has(b.leafSpaceId));
      const free = windows.flatMap((window) => freeWindows(window, mine));
      return { space: s.code, free: free.map((w) => ({ from: formatLocal(w.from, venue.timezone), until: formatLocal(w.until, venue.timezone) })) };
    });
  }

  /** All spaces × the day's opening hours, each hour free, held or confirmed. */
  async dayView(venueCode: string, date: string): Promise<DayViewResponse> {
    const layout = await this.layouts.get(venueCode);
    const { venue } = layout;
    this.days(date, date);
    const opens = Number(venue.opensAt.slice(0, 2));
    const closes = Number(venue.closesAt.slice(0, 2));
    const hours = Array.from({ length: closes - opens }, (_, i) => opens + i);
    const dayFrom = localToInstant(date, venue.opensAt, venue.timezone);
    const dayUntil = localToInstant(date, venue.closesAt, venue.timezone);
    const busy = await this.venues.findBusy([...new Set([...layout.leaves.values()].flat())], dayFrom, dayUntil);
    const cells: Interval[] = hours.map((hour) => ({
      from: localToInstant(date, `${String(hour).padStart(2, '0')}:00`, venue.timezone),
      until: localToInstant(date, `${String(hour + 1).padStart(2, '0')}:00`, venue.timezone),
    }));
    return {
      date,
      timezone: venue.timezone,
      hours,
      spaces: layout.spaces.map((s) => {
        const leaves = new Set(layout.leaves.get(s.id));
        const mine = busy.filter((b) => leaves.has(b.leafSpaceId));
        return {
          space: s.code,
          nameKo: s.nameKo,
          nameEn: s.nameEn,
          cells: hours.map((hour, i) => {
            const cell = cells[i];
            const hit = mine.filter((b) => b.from < cell.until && cell.from < b.until);
            const pick = hit.find((b) => b.status === 'confirmed') ?? hit[0];
            return pick
              ? { hour, state: pick.status === 'confirmed' ? ('confirmed' as const) : ('held' as const), bookingId: pick.bookingId, purpose: pick.purpose }
              : { hour, state: 'free' as const };
          }),
        };
      }),
    };
  }

  private days(from: string, to: string): string[] {
    const valid = (d: string): boolean => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    if (!valid(from)) throw DomainError.validation([{ field: 'from', messages: [`${from} is not a calendar date`] }]);
    if (!valid(to)) throw DomainError.validation([{ field: 'to', messages: [`${to} is not a calendar date`] }]);
    const days = datesBetween(from, to);
    if (days.length === 0) throw DomainError.validation([{ field: 'to', messages: ['to must not be before from'] }]);
    if (days.length > MAX_AVAILABILITY_DAYS) throw DomainError.validation([{ field: 'to', messages: [`at most ${MAX_AVAILABILITY_DAYS} days at a time`] }]);
    return days;
  }
}
