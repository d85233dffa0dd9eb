import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConsumes, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse,
  ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../core/auth/principal';
import { Roles } from '../../core/auth/roles.decorator';
import { DomainError } from '../../core/errors/domain-error';
import { ErrorResponse } from '../../core/http/error-response.dto';
import {
  AgendaResponse, RequestSettingsDto, CreateInterpreterDto, CreateParticipantDto, CreateRequestDto, LockRequestDto, MeetingResponse, ParticipantResponse, RequestResponse,
  MoveMeetingDto, ScheduleRunResponse, SetTablesDto, StartScheduleRunDto, SuggestionResponse, SuggestionsQuery, SwapMeetingsDto,
} from './dto/meetings.dto';
import { MeetingsService } from './meetings.service';
import { PublicationService, type PublicationResult } from './publication.service';
import { ScheduleChangesService, type ChangeResult } from './schedule-changes.service';
import { SchedulingService } from './scheduling.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

/** Organizers set up and schedule an edition's export business meetings. */
@ApiTags('meetings')
@ApiBearerAuth()
@Roles('organizer')
@StaffRoles('meetings')
@Controller('editions/:edition/meetings')
@ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields, one entry per field' })
@ApiUnauthorizedResponse({ type: ErrorResponse })
@ApiForbiddenResponse({ type: ErrorResponse })
@ApiNotFoundResponse({ type: ErrorResponse })
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly publication: PublicationService,
    private readonly changes: ScheduleChangesService,
  ) {}

  @Post('participants')
  @Idempotent()
  @ApiOperation({ summary: 'Register a buyer or opt an exhibitor in, with languages, interests and availability' })
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  addParticipant(@Param('edition') edition: string, @Body() body: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.meetings.addParticipant(edition, body);
  }

  @Post('participants/import')
  @Idempotent()
  @ApiOperation({ summary: 'Import buyers from CSV (UTF-8): company,country,contact_name,email,languages,interests,purchase_plans — all or nothing' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'company,country,contact_name,email,languages,interests,purchase_plans\nHanoi EV,VN,Tran Minh,minh@hanoi-ev.example,vi;en,ev-powertrain,' } })
  @ApiCreatedResponse({ description: '{ imported: number }' })
  importBuyers(@Param('edition') edition: string, @Body() csv: unknown): Promise<{ imported: number }> {
    if (typeof csv !== 'string') throw DomainError.validation([{ field: 'body', messages: ['send the CSV file as the body with Content-Type: text/csv'] }]);
    return this.meetings.importBuyers(edition, csv);
  }

  @Get('suggestions')
  @ApiOperation({ summary: 'Counterparts for a participant, ranked by shared interests, with the reason' })
  @ApiOkResponse({ type: [SuggestionResponse] })
  suggestions(@Param('edition') edition: string, @Query() query: SuggestionsQuery): Promise<SuggestionResponse[]> {
    return this.meetings.suggestions(edition, query.participant, query.limit ?? 10);
  }

  @Get('participants')
  @ApiOperation({ summary: 'Participants of the meeting programme (exhibitors and buyers) with their interests and languages' })
  @ApiOkResponse({ type: [ParticipantResponse] })
  participants(@Param('edition') edition: string): Promise<ParticipantResponse[]> {
    return this.meetings.listParticipants(edition);
  }

  @Put('settings')
  @ApiOperation({ summary: 'How long a request between participants waits for an answer before it lapses' })
  @ApiOkResponse({ description: '{ requestExpiryHours }' })
  settings(@Param('edition') edition: string, @Body() body: RequestSettingsDto): Promise<{ requestExpiryHours: number }> {
    return this.meetings.setRequestExpiry(edition, body.requestExpiryHours);
  }

  @Put('tables')
  @ApiOperation({ summary: 'Replace the tables of the meeting floor' })
  @ApiOkResponse({ type: [String] })
  setTables(@Param('edition') edition: string, @Body() body: SetTablesDto): Promise<string[]> {
    return this.meetings.setTables(edition, body);
  }

  @Post('interpreters')
  @Idempotent()
  @ApiOperation({ summary: 'Add an interpreter and the languages they cover' })
  @ApiCreatedResponse({ description: 'The interpreter' })
  addInterpreter(@Param('edition') edition: string, @Body() body: CreateInterpreterDto): Promise<{ id: string; name: string; languages: string[] }> {
    return this.meetings.addInterpreter(edition, body);
  }

  @Post('requests')
  @Idempotent()
  @ApiOperation({ summary: 'Request a meeting (an organizer’s request is accepted at once)' })
  @ApiCreatedResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The pair already has a live request' })
  request(@Param('edition') edition: string, @Body() body: CreateRequestDto): Promise<RequestResponse> {
    return this.meetings.createRequest(edition, body);
  }

  @Get('requests')
  @ApiOperation({ summary: 'Meeting requests of the edition with their status' })
  @ApiOkResponse({ type: [RequestResponse] })
  requests(@Param('edition') edition: string): Promise<RequestResponse[]> {
    return this.meetings.listRequests(edition);
  }

  @Post('requests/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a meeting request on behalf of its recipient' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already answered, or expired' })
  accept(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestResponse> {
    return this.meetings.answer(edition, id, 'accepted');
  }

  @Post('requests/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a meeting request on behalf of its recipient' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  decline(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestResponse> {
    return this.meetings.answer(edition, id, 'declined');
  }

  @Put('requests/:id/lock')
  @ApiOperation({ summary: 'Lock an accepted request to a slot and table; every run keeps it there. Checked against every rule like a move' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The lock breaks a rule (named in violations), or the request is not accepted' })
  lock(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LockRequestDto): Promise<RequestResponse> {
    return this.changes.lock(edition, id, body);
  }

  @Delete('requests/:id/lock')
  @ApiOperation({ summary: 'Unlock a request: the next run may place it anywhere again' })
  @ApiOkResponse({ type: RequestResponse })
  unlock(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestResponse> {
    return this.changes.unlock(edition, id);
  }

  @Post('schedule-runs')
  @Idempotent()
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the scheduler in the background; poll the run for progress and result' })
  @ApiAcceptedResponse({ type: ScheduleRunResponse })
  startRun(@Param('edition') edition: string, @Body() body: StartScheduleRunDto, @CurrentPrincipal() by: Principal): Promise<ScheduleRunResponse> {
    return this.scheduling.start(edition, body, by);
  }

  @Get('schedule-runs/:id')
  @ApiOperation({ summary: 'Progress and result of a scheduler run' })
  @ApiOkResponse({ type: ScheduleRunResponse })
  run(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<ScheduleRunResponse> {
    return this.scheduling.get(edition, id);
  }

  @Get('schedule.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="export-meetings.csv"')
  @ApiOperation({ summary: 'The schedule as CSV (UTF-8 with BOM, opens in Excel)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'day,start,end,table,buyer,buyer_country,exhibitor,interpreter,priority,status' })
  scheduleCsv(@Param('edition') edition: string): Promise<string> {
    return this.scheduling.scheduleCsv(edition);
  }

  @Get('participants/:id/agenda')
  @ApiOperation({ summary: 'One participant’s meetings in time order' })
  @ApiOkResponse({ type: AgendaResponse })
  agenda(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<AgendaResponse> {
    return this.scheduling.agenda(edition, id);
  }

  @Get('schedule')
  @ApiOperation({ summary: 'The meetings: slot, table, interpreter, status' })
  @ApiOkResponse({ type: [MeetingResponse] })
  schedule(@Param('edition') edition: string): Promise<MeetingResponse[]> {
    return this.scheduling.schedule(edition);
  }

  @Post('publish')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the schedule: every participant whose meetings changed gets its agenda by email, with calendar files' })
  @ApiOkResponse({ description: '{ published, notified }' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Nothing scheduled yet' })
  publish(@Param('edition') edition: string, @CurrentPrincipal() principal: Principal): Promise<PublicationResult> {
    return this.publication.publish(edition, principal);
  }

  @Post('unpublish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the schedule back: published meetings become drafts again, no mail now; the next run keeps, moves or cancels them and the next publication tells whoever changed',
  })
  @ApiOkResponse({ description: '{ unpublished }' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The schedule is frozen' })
  unpublish(@Param('edition') edition: string, @CurrentPrincipal() principal: Principal): Promise<{ unpublished: number }> {
    return this.publication.unpublish(edition, principal);
  }

  @Post('schedule/:id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a meeting to another slot (and table, interpreter); checked against every rule; both sides notified if published' })
  @ApiOkResponse({ description: '{ meetings, notified }' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The move breaks a rule (named), or the schedule is frozen' })
  move(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: MoveMeetingDto, @CurrentPrincipal() principal: Principal): Promise<ChangeResult> {
    return this.changes.move(edition, id, body, principal);
  }

  @Post('schedule/swap')
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap the slots of two meetings' })
  @ApiOkResponse({ description: '{ meetings, notified }' })
  @ApiConflictResponse({ type: ErrorResponse })
  swap(@Param('edition') edition: string, @Body() body: SwapMeetingsDto, @CurrentPrincipal() principal: Principal): Promise<ChangeResult> {
    return this.changes.swap(edition, body.meetings[0], body.meetings[1], principal);
  }

  @Post('schedule/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a meeting; both sides get a calendar cancellation if it was published' })
  @ApiOkResponse({ description: '{ meetings, notified }' })
  @ApiConflictResponse({ type: ErrorResponse })
  cancel(@Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ChangeResult> {
    return this.changes.cancel(edition, id, principal);
  }

  @Post('schedule/freeze')
  @HttpCode(200)
  @ApiOperation({ summary: 'Freeze the schedule before agendas are printed: no moves until unfrozen' })
  @ApiOkResponse({ description: '{ frozen: true }' })
  freeze(@Param('edition') edition: string, @CurrentPrincipal() by: Principal): Promise<{ frozen: boolean }> {
    return this.changes.setFrozen(edition, true, by);
  }

  @Post('schedule/unfreeze')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unfreeze the schedule: moves are allowed again' })
  @ApiOkResponse({ description: '{ frozen: false }' })
  unfreeze(@Param('edition') edition: string, @CurrentPrincipal() by: Principal): Promise<{ frozen: boolean }> {
    return this.changes.setFrozen(edition, false, by);
  }
}
