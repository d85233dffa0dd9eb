import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { RateLimit } from '../../core/http/rate-limit/rate-limit.decorator';
import { AttendeeAccessService } from './attendee-access.service';
import { AttendeesService } from './attendees.service';
import { ExhibitorListItem, ExhibitorsQuery, RegisterAttendeeDto, RegistrationResponse } from './dto/attendee.dto';

@ApiTags('attendees')
@Controller('editions/:edition')
export class AttendeesController {
  constructor(
    private readonly attendees: AttendeesService,
    private readonly access: AttendeeAccessService,
  ) {}

  @Post('attendees')
  @Idempotent()
  @Public()
  @RateLimit({ bucket: 'attendee-registration', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
  @ApiOperation({ summary: 'Register as a visitor (trade visitor, buyer, press)', description: 'Stores the registration and emails the personal link, where the visitor confirms.' })
  @ApiCreatedResponse({ type: RegistrationResponse, description: 'Stored; replays carry Idempotent-Replayed: true' })
  @ApiErrors(400, 404, 409, 413, 422)
  register(@Param('edition') edition: string, @Body() body: RegisterAttendeeDto): Promise<RegistrationResponse> {
    return this.attendees.register({ editionCode: edition, body });
  }

  @Get('exhibitors')
  @Public()
  @ApiOperation({ summary: 'Approved exhibitors of the edition with hall and booths; filter by category and part of the name' })
  @ApiOkResponse({ type: [ExhibitorListItem] })
  @ApiErrors(400, 404)
  exhibitors(@Param('edition') edition: string, @Query() query: ExhibitorsQuery): Promise<ExhibitorListItem[]> {
    return this.access.exhibitors(edition, query);
  }
}
