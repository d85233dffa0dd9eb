import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../core/auth/principal';
import { Public, Roles } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import { ErrorResponse } from '../../core/http/error-response.dto';
import {
  ChangeEditionStatusDto, CreateConferenceSessionDto, CreateMeetingSessionDto, ListEditionsQuery, SetOpeningHoursDto, UpdateConferenceSessionDto, UpdateEditionDto,
} from './dto/edition.dto';
import {
  ConferenceSessionResponse, EditionPageResponse, EditionResponse, MeetingSessionResponse, ProgrammeResponse, EditionStatusChangeResponse,
} from './dto/edition.response';
import { EditionsService } from './editions.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

@ApiTags('fairs')
@Controller('editions')
@ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields, one entry per field' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such edition (drafts exist for organizers only)' })
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Editions, filtered and paginated; drafts only for organizers' })
  @ApiOkResponse({ type: EditionPageResponse })
  list(@Query() query: ListEditionsQuery, @CurrentPrincipal() viewer?: Principal): Promise<EditionPageResponse> {
    return this.editions.list(query, viewer);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One edition: dates, venue, status and where the status may go next; drafts only for organizers' })
  @ApiOkResponse({ type: EditionResponse })
  get(@Param('code') code: string, @CurrentPrincipal() viewer?: Principal): Promise<EditionResponse> {
    return this.editions.get(code, viewer);
  }

  @Patch(':code')
  @StaffRoles('admin')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the dates of an edition and its build-up and tear-down days; its hall bookings move with them (409 when a hall is held then)' })
  @ApiOkResponse({ type: EditionResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  update(@Param('code') code: string, @Body() body: UpdateEditionDto, @CurrentPrincipal() by: Principal): Promise<EditionResponse> {
    return this.editions.update(code, body, by);
  }

  @Post(':code/status')
  @StaffRoles('admin')
  @Roles('organizer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move the edition along draft → published → registration_open → registration_closed → finished' })
  @ApiOkResponse({ type: EditionResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Illegal transition: the answer lists the allowed ones' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  changeStatus(@Param('code') code: string, @Body() body: ChangeEditionStatusDto, @CurrentPrincipal() by: Principal): Promise<EditionResponse> {
    return this.editions.changeStatus(code, body, by);
  }

  @Get(':code/status-history')
  @StaffRoles('admin')
  @Roles('organizer')
  @ApiOperation({ summary: 'Every status change of the edition: from, to, by whom, when and why' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: [EditionStatusChangeResponse] })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  history(@Param('code') code: string): Promise<EditionStatusChangeResponse[]> {
    return this.editions.statusHistory(code);
  }

  @Get(':code/programme')
  @Public()
  @ApiOperation({ summary: 'Opening hours, conference sessions and export-meeting sessions with their slot grid' })
  @ApiOkResponse({ type: ProgrammeResponse })
  programme(@Param('code') code: string, @CurrentPrincipal() viewer?: Principal): Promise<ProgrammeResponse> {
    return this.editions.programme(code, viewer);
  }

  @Put(':code/opening-hours')
  @StaffRoles('admin')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace the exhibition opening hours, day by day' })
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  setOpeningHours(@Param('code') code: string, @Body() body: SetOpeningHoursDto, @CurrentPrincipal() by: Principal): Promise<ProgrammeResponse> {
    return this.editions.setOpeningHours(code, body, by);
  }

  @Post(':code/conference-sessions')
  @StaffRoles('venue')
  @Idempotent()
  @Roles('organizer')
  @ApiOperation({ summary: 'Add a conference session to the programme (room, time, speakers)' })
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ConferenceSessionResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The room is held at that time: the answer names what holds it' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  addConferenceSession(@Param('code') code: string, @Body() body: CreateConferenceSessionDto): Promise<ConferenceSessionResponse> {
    return this.editions.addConferenceSession(code, body);
  }

  @Patch(':code/conference-sessions/:id')
  @StaffRoles('venue')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move, re-room or rename a conference session; attendees who chose it get an updated itinerary' })
  @ApiOkResponse({ type: ConferenceSessionResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  updateConferenceSession(@Param('code') code: string, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() body: UpdateConferenceSessionDto): Promise<ConferenceSessionResponse> {
    return this.editions.updateConferenceSession(code, id, body);
  }

  @Delete(':code/conference-sessions/:id')
  @StaffRoles('venue')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a conference session; attendees who chose it get a cancellation in their calendar' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async cancelConferenceSession(@Param('code') code: string, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<void> {
    await this.editions.cancelConferenceSession(code, id);
  }

  @Post(':code/meeting-sessions')
  @StaffRoles('meetings')
  @Idempotent()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a day of export business meetings: hours, slot length, breaks' })
  @ApiCreatedResponse({ type: MeetingSessionResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'That day already has a session, or its space is held then (the answer names what holds it)' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  addMeetingSession(@Param('code') code: string, @Body() body: CreateMeetingSessionDto): Promise<MeetingSessionResponse> {
    return this.editions.addMeetingSession(code, body);
  }
}
