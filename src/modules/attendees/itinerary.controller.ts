import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../core/auth/principal';
import { Public, Roles } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import { AttendeeAccessService } from './attendee-access.service';
import { ItineraryResponse } from './dto/itinerary.dto';
import { ItineraryService } from './itinerary.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { DEFAULT_TIME_ZONE } from '../../core/time/zoned-time';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

/** The itinerary: the attendee's by the private link (JSON, .ics), and the organizer's bulk send. */
@ApiTags('itineraries')
@Controller()
export class ItineraryController {
  constructor(
    private readonly access: AttendeeAccessService,
    private readonly itineraries: ItineraryService,
  ) {}

  @Get('attendee-access/:token/itinerary')
  @Public()
  @ApiOperation({ summary: 'My visit in order: exhibition hours of my days, my sessions, my export meetings, the booths I bookmarked' })
  @ApiOkResponse({ type: ItineraryResponse })
  @ApiErrors(404)
  async itinerary(@Param('token') token: string): Promise<ItineraryResponse> {
    const me = await this.access.resolve(token);
    const { items, sequences } = await this.itineraries.current(me);
    return {
      timezone: DEFAULT_TIME_ZONE,
      items: items.map((i) => ({
        uid: i.uid, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString(), title: i.title[me.locale],
        location: i.location[me.locale], details: i.details[me.locale], sequence: sequences.get(i.uid) ?? 0,
      })),
    };
  }

  @Get('attendee-access/:token/itinerary.ics')
  @Public()
  @ApiOperation({ summary: 'My itinerary as a calendar file (iCalendar, Asia/Seoul)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; method=PUBLISH' })
  @ApiErrors(404)
  async calendar(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const me = await this.access.resolve(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8; method=PUBLISH');
    res.setHeader('Content-Disposition', 'attachment; filename="fairgate-itinerary.ics"');
    return this.itineraries.calendarFile(me);
  }

  @Post('editions/:edition/itineraries/send')
  @StaffRoles('onsite')
  @Idempotent()
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send every consenting attendee a full itinerary, as one bulk batch (progress: GET /api/organizer/mail/batches/{batchId})' })
  @ApiAcceptedResponse({ description: '{ batchId, attendees }' })
  @ApiErrors(401, 403, 404, 409)
  sendAll(@Param('edition') edition: string, @CurrentPrincipal() principal: Principal): Promise<{ batchId: string; attendees: number }> {
    return this.itineraries.sendAll(edition, principal.accountId);
  }
}
