import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { localToInstant, toLocal } from '../../../core/time/zoned-time';
import { translator, type Lang } from '../../../core/web/i18n';
import { AvailabilityService } from '../availability.service';
import { BookingsService } from '../bookings.service';
import type { BookingResponse, VenueResponse } from '../dto/venue.response';
import { VenueCatalogueService } from '../venue-catalogue.service';
import { CONSOLE_MESSAGES, type ConsoleT, type FlashName } from './messages';
import { formFieldOf, holdValues, isCalendarDate, parseHoldForm, type ConsoleView, type HoldForm, type HoldValues, type ReturnToForm } from './venue-console.forms';
import { addDays, venueUrl, weekStart, type HoldFormState, type VenuePageModel } from './venue-console.view';

/** The venue the console shows; Fairgate runs one (the KDJ Center). */
const VENUE = 'kdj-center';

export const EMPTY_HOLD: HoldValues = { space: '', date: '', start: '', end: '', setupMinutes: '0', teardownMinutes: '0', purpose: '' };

/** What the venue page shows, before its words: the page model without the flash text. */
export type VenuePageData = Omit<VenuePageModel, 'flash'>;

/** The outcome of a form post: where to go next, or the page again with the form and what is wrong. */
export type VenueFormOutcome = { ok: true; redirect: string } | { ok: false; status: number; page: VenuePageData };

/**
 * What the venue console's pages need from the venue's services, one call per request: the day or
 * week grid with its bookings, and the hold / confirm / cancel forms turned into redirects or the
 * page again with the form's problems (in the user's language: the service messages are mapped).
 */
@Injectable()
export class VenueConsolePageService {
  constructor(
    private readonly catalogue: VenueCatalogueService,
    private readonly availabilities: AvailabilityService,
    private readonly bookings: BookingsService,
  ) {}

  /** The grid of the day (or the week around it) asked for, today's by default. */
  async page(view: ConsoleView, date: string | undefined): Promise<VenuePageData> {
    const venue = await this.venueInfo();
    const day = isCalendarDate(date) ? date : today(venue);
    return this.model(venue, view, day, { values: { ...EMPTY_HOLD, date: day }, errors: {} });
  }

  /** Places a hold from the form. */
  async hold(principal: Principal, body: HoldForm, lang: Lang): Promise<VenueFormOutcome> {
    const t = translator(CONSOLE_MESSAGES, lang);
    const venue = await this.venueInfo();
    const view: ConsoleView = body.returnView ?? 'day';
    const values = holdValues(body);
    const date = isCalendarDate(values.date) ? values.date : isCalendarDate(body.returnDate) ? body.returnDate : today(venue);
    const spaces = await this.catalogue.listSpaces(VENUE);
    const parsed = parseHoldForm(values, spaces.map((s) => s.code), venue.timezone, t);
    if (!parsed.ok) return { ok: false, status: 400, page: await this.model(venue, view, date, { values, errors: parsed.errors }) };
    try {
      const booking = await this.bookings.createBooking(VENUE, principal, parsed.dto);
      return { ok: true, redirect: venueUrl({ date, view, flash: 'held' }, view === 'day' ? `booking-${booking.id}` : undefined) };
    } catch (error) {
      const failure = await this.holdFailure(error, values, t, venue);
      return { ok: false, status: failure.status, page: await this.model(venue, view, date, failure.form) };
    }
  }

  /** Confirms a hold; the redirect names what happened. */
  async confirm(principal: Principal, id: string, form: ReturnToForm): Promise<string> {
    const flash = await outcome(() => this.bookings.confirm(VENUE, principal, id), 'confirmed', 'not-confirmable');
    return returnUrl(form, flash, flash === 'confirmed' ? `booking-${id}` : undefined);
  }

  async cancel(principal: Principal, id: string, form: ReturnToForm): Promise<string> {
    const flash = await outcome(() => this.bookings.cancel(VENUE, principal, id, undefined), 'cancelled', 'not-cancellable');
    return returnUrl(form, flash);
  }

  private async venueInfo(): Promise<VenueResponse> {
    const venue = (await this.catalogue.listVenues()).find((v) => v.code === VENUE);
    if (!venue) throw new DomainError(ErrorCode.NotFound, `No venue "${VENUE}".`);
    return venue;
  }

  private async model(venue: VenueResponse, view: ConsoleView, date: string, form: HoldFormState): Promise<VenuePageData> {
    const dates = view === 'day' ? [date] : Array.from({ length: 7 }, (_, i) => addDays(weekStart(date), i));
    const zone = venue.timezone;
    const [spaces, days, bookings] = await Promise.all([
      this.catalogue.listSpaces(VENUE),
      Promise.all(dates.map((d) => this.availabilities.dayView(VENUE, d))),
      this.bookings.listBookings(VENUE, {
        from: localToInstant(dates[0], '00:00', zone),
        to: localToInstant(addDays(dates[dates.length - 1], 1), '00:00', zone),
        pageSize: 1000,
      }),
    ]);
    return {
      venue: { nameKo: venue.nameKo, nameEn: venue.nameEn },
      zone,
      opensAt: venue.opensAt,
      closesAt: venue.closesAt,
      view,
      date,
      today: today(venue),
      spaces,
      days,
      bookings: bookings.items.filter((b) => b.status === 'held' || b.status === 'confirmed'),
      form,
    };
  }

  /** Why the service refused the hold, as the form should show it; anything else is rethrown. */
  private async holdFailure(error: unknown, values: HoldValues, t: ConsoleT, venue: VenueResponse): Promise<{ status: number; form: HoldFormState }> {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === ErrorCode.BookingConflict) {
      const id = error.details.conflictingBookingId;
      const conflict: BookingResponse | 'unknown' =
        typeof id === 'string' ? await this.bookings.getBooking(VENUE, id).catch(() => 'unknown' as const) : 'unknown';
      return { status: 409, form: { values, errors: {}, conflict } };
    }
    if (error.code === ErrorCode.ValidationFailed) {
      const errors: HoldFormState['errors'] = {};
      const other: string[] = [];
      for (const e of error.details.errors ?? []) {
        const field = formFieldOf(e.field);
        const text = e.messages.map((m) => serviceMessage(m, t, venue)).join(' ');
        if (field) errors[field] = text;
        else other.push(text);
      }
      return { status: 400, form: { values, errors, message: other.length > 0 ? other.join(' ') : undefined } };
    }
    // The space was chosen from the list, so an unknown one means it was removed meanwhile or the form was edited.
    if (error.code === ErrorCode.NotFound) return { status: 400, form: { values, errors: { space: t('unknownSpace') } } };
    throw error;
  }
}

function today(venue: VenueResponse): string {
  return toLocal(new Date(), venue.timezone).date;
}

function returnUrl(form: ReturnToForm, flash: FlashName, hash?: string): string {
  return venueUrl({ date: isCalendarDate(form.returnDate) ? form.returnDate : undefined, view: form.returnView, flash }, hash);
}

/** The service's English rule messages in the user's language; one it does not know becomes the form's general message. */
export function serviceMessage(message: string, t: ConsoleT, venue: Pick<VenueResponse, 'opensAt' | 'closesAt'>): string {
  if (message.includes('opening hours')) return t('outsideHours', { opens: venue.opensAt, closes: venue.closesAt });
  if (message.includes('must be after')) return t('endBeforeStart');
  return t('formErrors');
}

/** Runs a state change and names the flash to show: done, refused by the booking's state, or gone. */
async function outcome(change: () => Promise<unknown>, done: FlashName, refused: FlashName): Promise<FlashName> {
  try {
    await change();
    return done;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.IllegalTransition) return refused;
    if (error instanceof DomainError && error.code === ErrorCode.NotFound) return 'not-found';
    throw error;
  }
}
