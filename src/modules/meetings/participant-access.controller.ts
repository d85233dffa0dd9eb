import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../core/auth/roles.decorator';
import { ErrorResponse } from '../../core/http/error-response.dto';
import { AvailabilityDto, OwnRequestDto, RegisterBuyerDto, RequestResponse } from './dto/meetings.dto';
import { ParticipantAccessService } from './participant-access.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { RateLimit } from '../../core/http/rate-limit/rate-limit.decorator';
import { MEETINGS_LIMITS } from './meetings-limits';

/** Buyers' and exhibitors' own actions, by the private link they received by email. */
@ApiTags('meetings (participants)')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid fields, one entry per field' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown edition, or an invalid link' })
export class ParticipantAccessController {
  constructor(private readonly access: ParticipantAccessService) {}

  @Post('editions/:edition/meetings/register')
  @Idempotent()
  @Public()
  @RateLimit(MEETINGS_LIMITS.buyerRegistration)
  @ApiOperation({ summary: 'A foreign buyer registers for the export meetings; its private link arrives by email' })
  @ApiCreatedResponse({ description: '{ id, status: "registered" }' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already registered, or registration not open' })
  register(@Param('edition') edition: string, @Body() body: RegisterBuyerDto): Promise<{ id: string; status: 'registered' }> {
    return this.access.registerBuyer(edition, body);
  }

  @Get('meeting-access/:token')
  @Public()
  @ApiOperation({ summary: 'My page: my details, the slot grid, my published agenda, requests both ways, suggestions' })
  @ApiOkResponse({ description: 'The participant overview' })
  overview(@Param('token') token: string): Promise<unknown> {
    return this.access.overview(token);
  }

  @Put('meeting-access/:token/availability')
  @Public()
  @ApiOperation({ summary: 'The slots when I am away' })
  @ApiOkResponse({ description: '{ unavailableSlots }' })
  availability(@Param('token') token: string, @Body() body: AvailabilityDto): Promise<{ unavailableSlots: string[] }> {
    return this.access.setAvailability(token, body);
  }

  @Post('meeting-access/:token/requests')
  @Idempotent()
  @Public()
  @ApiOperation({ summary: 'Ask a participant of the other side for a meeting' })
  @ApiCreatedResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  request(@Param('token') token: string, @Body() body: OwnRequestDto): Promise<RequestResponse> {
    return this.access.request(token, body);
  }

  @Post('meeting-access/:token/requests/:id/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a meeting request addressed to me (by my private link)' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already answered, or expired' })
  accept(@Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestResponse> {
    return this.access.answer(token, id, 'accepted');
  }

  @Post('meeting-access/:token/requests/:id/decline')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a meeting request addressed to me (by my private link)' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  decline(@Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<RequestResponse> {
    return this.access.answer(token, id, 'declined');
  }
}
