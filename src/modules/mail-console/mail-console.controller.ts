import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator';
import { ApiErrors } from '../../core/http/api-errors.decorator';
import {
  ListBatchesQuery, ListMailMessagesQuery, ResendFailedBody,
  type MailBatchPage, type MailBatchProgress, type MailMessagePage, type MailMessageResponse, type ResendResponse,
} from './dto/mail-console.dto';
import { MailConsoleService } from './mail-console.service';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

/** Outgoing email for organizers: what went out, what failed and why, sending again, bulk-send progress. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('organizer/mail')
@Roles('organizer')
@StaffRoles('admin', { scope: 'any' })
@ApiErrors(400, 401, 403)
export class MailConsoleController {
  constructor(private readonly mail: MailConsoleService) {}

  @Get('messages')
  @ApiOperation({ summary: 'Emails, newest first; filter by status, template, recipient (q) and bulk send' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  list(@Query() query: ListMailMessagesQuery): Promise<MailMessagePage> {
    return this.mail.listMessages(query);
  }

  @Post('messages/resend-failed')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Every failed email (optionally of one template or bulk send) back to the queue' })
  @ApiOkResponse({ description: '{ count }: how many went back to the queue' })
  resendFailed(@Body() body: ResendFailedBody): Promise<{ count: number }> {
    return this.mail.resendFailed(body);
  }

  @Get('messages/:id')
  @ApiOperation({ summary: 'One email: recipient, template, state, attempts, last error, times, Message-ID' })
  @ApiOkResponse({ description: 'The message' })
  @ApiErrors(404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MailMessageResponse> {
    return this.mail.getMessage(id);
  }

  @Post('messages/:id/resend')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again: a failed email is queued again (attempts reset); a sent one is copied to a new email' })
  @ApiOkResponse({ description: 'The message queued again, or the new copy' })
  @ApiErrors(404, 409)
  resend(@Param('id', new ParseUUIDPipe()) id: string): Promise<ResendResponse> {
    return this.mail.resend(id);
  }

  @Get('batches')
  @ApiOperation({ summary: 'Bulk sends, newest first, with their progress' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  listBatches(@Query() query: ListBatchesQuery): Promise<MailBatchPage> {
    return this.mail.listBatches(query);
  }

  @Get('batches/:id')
  @ApiOperation({ summary: 'Progress of one bulk send: total, pending, dispatched, sent, failed, percent' })
  @ApiOkResponse({ description: '{ id, total, pending, dispatched, sent, failed, percent }' })
  @ApiErrors(404)
  batch(@Param('id', new ParseUUIDPipe()) id: string): Promise<MailBatchProgress> {
    return this.mail.getBatch(id);
  }
}
