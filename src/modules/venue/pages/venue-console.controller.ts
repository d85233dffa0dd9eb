import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfGuard } from '../../../core/web/csrf';
import { localToInstant, toLocal } from '../../../core/time/zoned-time';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { translator, type Lang } from '../../../core/web/i18n';
import type { BookingResponse, VenueResponse } from '../dto/venue.response';
import { AvailabilityService } from '../availability.service';
import { BookingsService } from '../bookings.service';
import { VenueCatalogueService } from '../venue-catalogue.service';
import { CONSOLE_MESSAGES, FLASHES, isFlashName, type ConsoleT, type FlashName } from './messages';
import {
  formFieldOf, holdValues, HoldForm, isCalendarDate, parseHoldForm, ReturnToForm, VenuePageQuery,
  type ConsoleView, type HoldValues,
} from './venue-console.forms';
import {
  addDays, renderVenuePage, venueUrl, weekStart, type HoldFormState, type PageContext, type VenuePageModel,
} from './venue-console.view';

/** The console context of a request with the venue console's messages. */
function venueContext(req: AuthenticatedRequest, config: AppConfig, langHref: (lang: Lang) => string): PageContext {
  const base = pageContext(req, config, langHref);
  return { ...base, t: translator(CONSOLE_MESSAGES, base.lang) };
}

/** The venue the console shows; Fairgate runs one (the KDJ Center). */
const VENUE = 'kdj-center';

/**
 * The organizer's web console for the venue: server-rendered pages under /console (outside the
 * /api prefix), a session cookie instead of a bearer token, CSRF tokens on every form. Each
 * handler gathers data from the venue's services and hands it to the pure renderers.
 */
@ApiExcludeController()
@Controller('console')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class VenueConsoleController {
  constructor(
    private readonly catalogue: VenueCatalogueService,
    private readonly availabilities: AvailabilityService,
    private readonly bookings: BookingsService,
    private readonly config: AppConfig,
  ) {}

  @Get('venue')
  @Roles('organizer')
  async venuePage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: VenuePageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const venue = await this.venueInfo();
    const view: ConsoleView = query.view === 'week' ? 'week' : 'day';
    const date = isCalendarDate(query.date) ? query.date : today(venue);
    const ctx = venueContext(req, this.config, (lang) => venueUrl({ date, view, lang }));
    const flash = isFlashName(query.flash) ? this.flash(ctx.t, query.flash) : undefined;
    const form: HoldFormState = { values: { ...EMPTY_HOLD, date }, errors: {} };
    sendPage(res, 200, renderVenuePage(ctx, await this.venueModel(venue, view, date, form, flash)));
  }

  @Post('venue/bookings')
  @Roles('organizer')
  async hold(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() body: HoldForm): Promise<void> {
    const venue = await this.venueInfo();
    const view: ConsoleView = body.returnView ?? 'day';
    const values = holdValues(body);
    const date = isCalendarDate(values.date) ? values.date : isCalendarDate(body.returnDate) ? body.returnDate : today(venue);
    const ctx = venueContext(req, this.config, (lang) => venueUrl({ date, view, lang }));
    const spaces = await this.catalogue.listSpaces(VENUE);
    const parsed = parseHoldForm(values, spaces.map((s) => s.code), venue.timezone, ctx.t);
    let failure: { status: number; form: HoldFormState };
    if (parsed.ok) {
      try {
        const booking = await this.bookings.createBooking(VENUE, principal, parsed.dto);
        return redirectTo(res, venueUrl({ date, view, flash: 'held' }, view === 'day' ? `booking-${booking.id}` : undefined));
      } catch (error) {
        failure = await this.holdFailure(error, values, ctx.t, venue);
      }
    } else {
      failure = { status: 400, form: { values, errors: parsed.errors } };
    }
    // The page again, with what the user typed and what is wrong with it.
    sendPage(res, failure.status, renderVenuePage(ctx, await this.venueModel(venue, view, date, failure.form)));
  }

  @Post('venue/bookings/:id/confirm')
  @Roles('organizer')
  async confirm(
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: ReturnToForm,
  ): Promise<void> {
    const flash = await outcome(() => this.bookings.confirm(VENUE, principal, id), 'confirmed', 'not-confirmable');
    redirectTo(res, this.returnUrl(form, flash, flash === 'confirmed' ? `booking-${id}` : undefined));
  }

  @Post('venue/bookings/:id/cancel')
  @Roles('organizer')
  async cancel(
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: ReturnToForm,
  ): Promise<void> {
    const flash = await outcome(() => this.bookings.cancel(VENUE, principal, id, undefined), 'cancelled', 'not-cancellable');
    redirectTo(res, this.returnUrl(form, flash));
  }

  private returnUrl(form: ReturnToForm, flash: FlashName, hash?: string): string {
    return venueUrl({ date: isCalendarDate(form.returnDate) ? form.returnDate : undefined, view: form.returnView, flash }, hash);
  }

  private flash(t: ConsoleT, name: FlashName): { ok: boolean; text: string } {
    return { ok: FLASHES[name].ok, text: t(FLASHES[name].key) };
  }

  private async venueInfo(): Promise<VenueResponse> {
    const venue = (await this.catalogue.listVenues()).find((v) => v.code === VENUE);
    if (!venue) throw new DomainError(ErrorCode.NotFound, `No venue "${VENUE}".`);
    return venue;
  }

  private async venueModel(
    venue: VenueResponse,
    view: ConsoleView,
    date: string,
    form: HoldFormState,
    flash?: { ok: boolean; text: string },
  ): Promise<VenuePageModel> {
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
      flash,
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

const EMPTY_HOLD: HoldValues = { space: '', date: '', start: '', end: '', setupMinutes: '0', teardownMinutes: '0', purpose: '' };

function today(venue: VenueResponse): string {
  return toLocal(new Date(), venue.timezone).date;
}

/** The service's English rule messages, in the user's language where we know them. */
function serviceMessage(message: string, t: ConsoleT, venue: VenueResponse): string {
  if (message.includes('opening hours')) return t('outsideHours', { opens: venue.opensAt, closes: venue.closesAt });
  if (message.includes('must be after')) return t('endBeforeStart');
  return message;
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
