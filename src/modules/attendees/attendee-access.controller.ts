import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import { AttendeeAccessService, type AttendeeOverview } from './attendee-access.service';
import { SessionChoiceResponse } from './dto/attendee.dto';

const uuid = new ParseUUIDPipe();

/** The JSON twin of the visitor's personal page: the token of the emailed link is the only key. */
@ApiTags('attendees (personal link)')
@Controller('attendee-access/:token')
@ApiErrors(404)
export class AttendeeAccessController {
  constructor(private readonly access: AttendeeAccessService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'My registration, badge code, the conference sessions with my choices, my bookmarks' })
  @ApiOkResponse({ description: 'The attendee overview' })
  overview(@Param('token') token: string): Promise<AttendeeOverview> {
    return this.access.overview(token);
  }

  @Post('confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the email address (the first time; later calls change nothing)' })
  @ApiOkResponse({ description: '{ confirmedAt }' })
  confirm(@Param('token') token: string): Promise<{ confirmedAt: string }> {
    return this.access.confirm(token);
  }

  @Post('sessions/:sessionId')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Pick a conference session: a seat, or the waitlist when it is full' })
  @ApiOkResponse({ type: SessionChoiceResponse })
  @ApiErrors(400, 503)
  pick(@Param('token') token: string, @Param('sessionId', uuid) sessionId: string): Promise<SessionChoiceResponse> {
    return this.access.pick(token, sessionId);
  }

  @Delete('sessions/:sessionId')
  @Public()
  @ApiOperation({ summary: 'Give the seat or the waitlist place back; the first waitlisted gets the seat' })
  @ApiOkResponse({ type: SessionChoiceResponse })
  @ApiErrors(400, 503)
  unpick(@Param('token') token: string, @Param('sessionId', uuid) sessionId: string): Promise<SessionChoiceResponse> {
    return this.access.unpick(token, sessionId);
  }

  @Post('bookmarks/:applicationId')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Bookmark an exhibitor (an approved application of my edition)' })
  @ApiOkResponse({ description: '{ applicationId, bookmarked: true }' })
  @ApiErrors(400)
  bookmark(@Param('token') token: string, @Param('applicationId', uuid) applicationId: string): Promise<{ applicationId: string; bookmarked: true }> {
    return this.access.bookmark(token, applicationId);
  }

  @Delete('bookmarks/:applicationId')
  @Public()
  @ApiOperation({ summary: 'Remove a bookmark' })
  @ApiOkResponse({ description: '{ applicationId, bookmarked: false }' })
  @ApiErrors(400)
  unbookmark(@Param('token') token: string, @Param('applicationId', uuid) applicationId: string): Promise<{ applicationId: string; bookmarked: false }> {
    return this.access.unbookmark(token, applicationId);
  }
}
