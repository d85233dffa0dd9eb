import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse,
  ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../core/auth/principal';
import { Public, Roles } from '../../core/auth/roles.decorator';
import { ErrorResponse } from '../../core/http/error-response.dto';
import { AvailabilityQuery, CancelBookingDto, CreateBookingDto, DayViewQuery, FeedQuery, ListBookingsQuery } from './dto/booking.dto';
import {
  BookingPageResponse, BookingResponse, DayViewResponse, FeedUrlResponse, SpaceAvailabilityResponse, SpaceResponse, VenueResponse,
} from './dto/venue.response';
import { AvailabilityService } from './availability.service';
import { BookingsService } from './bookings.service';
import { SpaceCalendarFeedService } from './space-calendar-feed.service';
import { VenueCatalogueService } from './venue-catalogue.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

@ApiTags('venue')
@Controller('venues')
@ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields, one entry per field' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such venue, space or booking' })
export class VenueController {
  constructor(
    private readonly catalogue: VenueCatalogueService,
    private readonly availabilities: AvailabilityService,
    private readonly bookingsService: BookingsService,
    private readonly feeds: SpaceCalendarFeedService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Venues with their zone and opening hours' })
  @ApiOkResponse({ type: [VenueResponse] })
  list(): Promise<VenueResponse[]> {
    return this.catalogue.listVenues();
  }

  @Get(':venue/spaces')
  @Public()
  @ApiOperation({ summary: 'Halls and rooms: kind, floor, area, capacity per layout, combinations' })
  @ApiOkResponse({ type: [SpaceResponse] })
  spaces(@Param('venue') venue: string): Promise<SpaceResponse[]> {
    return this.catalogue.listSpaces(venue);
  }

  @Get(':venue/availability')
  @Public()
  @ApiOperation({ summary: 'Free windows of each space, day by day within opening hours (expired holds count as free)' })
  @ApiOkResponse({ type: [SpaceAvailabilityResponse] })
  availability(@Param('venue') venue: string, @Query() query: AvailabilityQuery): Promise<SpaceAvailabilityResponse[]> {
    return this.availabilities.availability(venue, query);
  }

  @Get(':venue/day')
  @StaffRoles('venue', { scope: 'any' })
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One day: all spaces × hours, free, held or confirmed' })
  @ApiOkResponse({ type: DayViewResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  day(@Param('venue') venue: string, @Query() query: DayViewQuery): Promise<DayViewResponse> {
    return this.availabilities.dayView(venue, query.date);
  }

  @Get(':venue/bookings')
  @StaffRoles('venue', { scope: 'any' })
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bookings, filtered and paginated' })
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  bookings(@Param('venue') venue: string, @Query() query: ListBookingsQuery): Promise<BookingPageResponse> {
    return this.bookingsService.listBookings(venue, query);
  }

  @Post(':venue/bookings')
  @StaffRoles('venue', { scope: 'any' })
  @Idempotent()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Hold a space (or book it firmly with confirm: true)' })
  @ApiCreatedResponse({ type: BookingResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Overlaps another booking (conflictingBookingId), directly or through a combined space' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  create(@Param('venue') venue: string, @CurrentPrincipal() principal: Principal, @Body() body: CreateBookingDto): Promise<BookingResponse> {
    return this.bookingsService.createBooking(venue, principal, body);
  }

  @Get(':venue/bookings/:id')
  @StaffRoles('venue', { scope: 'booking' })
  @Roles('organizer')
  @ApiOperation({ summary: 'One booking of the venue, with its edition, times and status' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: BookingResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  get(@Param('venue') venue: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<BookingResponse> {
    return this.bookingsService.getBooking(venue, id);
  }

  @Post(':venue/bookings/:id/confirm')
  @StaffRoles('venue', { scope: 'booking' })
  @Roles('organizer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Confirm a hold (409 when it expired or was cancelled)' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  confirm(@Param('venue') venue: string, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<BookingResponse> {
    return this.bookingsService.confirm(venue, principal, id);
  }

  @Post(':venue/bookings/:id/cancel')
  @StaffRoles('venue', { scope: 'booking' })
  @Roles('organizer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cancel a hold or a booking; the space is free at once' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  cancel(
    @Param('venue') venue: string,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelBookingDto,
  ): Promise<BookingResponse> {
    return this.bookingsService.cancel(venue, principal, id, body.reason);
  }

  @Get(':venue/spaces/:space/feed-url')
  @StaffRoles('venue', { scope: 'any' })
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The address of the space calendar, to subscribe to in a calendar app' })
  @ApiOkResponse({ type: FeedUrlResponse })
  async feedUrl(@Param('venue') venue: string, @Param('space') space: string): Promise<FeedUrlResponse> {
    return { url: await this.feeds.feedUrl(venue, space) };
  }

  @Get(':venue/spaces/:space/calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'iCalendar feed of a space (the key comes from feed-url)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545 calendar, METHOD:PUBLISH' })
  feed(@Param('venue') venue: string, @Param('space') space: string, @Query() query: FeedQuery): Promise<string> {
    return this.feeds.feed(venue, space, query.key);
  }
}
