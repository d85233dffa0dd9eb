import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { renderCalendar } from '../../core/calendar/icalendar';
import { AppConfig } from '../../core/config/app-config';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE, formatLocal } from '../../core/time/zoned-time';
import { effectiveStatus } from './bookings.service';
import { spaceOf, VenueLayouts } from './venue-layout';
import { VenueRepository } from './venue.repository';

/** A space's bookings as a subscribable iCalendar feed, behind a key derived from the app secret. */
@Injectable()
export class SpaceCalendarFeedService {
  constructor(
    private readonly venues: VenueRepository,
    private readonly layouts: VenueLayouts,
    private readonly config: AppConfig,
  ) {}

  /** A subscribable URL for the space's calendar; the key is an HMAC, so it cannot be guessed. */
  async feedUrl(venueCode: string, spaceCode: string): Promise<string> {
    const layout = await this.layouts.get(venueCode);
    const space = spaceOf(layout, spaceCode);
    return `${this.config.publicUrl}/api/venues/${layout.venue.code}/spaces/${space.code}/calendar.ics?key=${this.feedKey(space.id)}`;
  }

  /** The space's bookings as iCalendar: one stable UID per booking, SEQUENCE from the row. */
  async feed(venueCode: string, spaceCode: string, key: string): Promise<string> {
    const layout = await this.layouts.get(venueCode);
    const space = spaceOf(layout, spaceCode);
    const expected = Buffer.from(this.feedKey(space.id));
    const given = Buffer.from(key);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError(ErrorCode.NotFound, 'No calendar at this address.');
    }
    const bookings = await this.venues.findForFeed(space.id, new Date(Date.now() - 90 * 86400_000));
    const now = new Date();
    return renderCalendar({
      method: 'PUBLISH',
      name: `${layout.venue.nameEn} · ${space.nameEn}`,
      timezone: DEFAULT_TIME_ZONE,
      events: bookings.map((b) => {
        const status = effectiveStatus(b, now);
        return {
          uid: `booking-${b.id}@fairgate`,
          sequence: b.sequence,
          start: b.occupiedFrom,
          end: b.occupiedUntil,
          summary: status === 'held' ? `[HOLD] ${b.purpose}` : b.purpose,
          description: `Event ${formatLocal(b.startsAt, layout.venue.timezone)} – ${formatLocal(b.endsAt, layout.venue.timezone)}; setup ${b.setupMinutes} min, teardown ${b.teardownMinutes} min.`,
          location: `${space.nameEn}, ${layout.venue.nameEn}`,
          status: status === 'confirmed' ? ('CONFIRMED' as const) : status === 'held' ? ('TENTATIVE' as const) : ('CANCELLED' as const),
        };
      }),
    });
  }

  private feedKey(spaceId: string): string {
    return createHmac('sha256', this.config.appSecret).update(`space-feed:${spaceId}`).digest('base64url').slice(0, 32);
  }
}
