import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../core/http/validators';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../core/outbox/outbox-message.entity';

/** Template names as the registry spells them: `area.what-happened`. */
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** Filters of the message list; each one allowlisted (a status from the list, a template by name, a uuid). */
export class ListMailMessagesQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES }) @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ example: 'exhibitor.application-submitted' })
  @IsOptional() @Trim() @IsString() @Matches(TEMPLATE_NAME, { message: 'template must be a template name such as exhibitor.application-submitted' })
  template?: string;
  @ApiPropertyOptional({ description: 'Part of the recipient address (case-insensitive)', example: 'kim@' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the messages of this bulk send' }) @IsOptional() @IsUUID() batch?: string;
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ResendFailedBody {
  @ApiPropertyOptional({ example: 'exhibitor.application-submitted' })
  @IsOptional() @Trim() @IsString() @Matches(TEMPLATE_NAME, { message: 'template must be a template name such as exhibitor.application-submitted' })
  template?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() batch?: string;
}

export class ListBatchesQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** One email as the console shows it: who, which template, where it stands, what the server said. */
export interface MailMessageResponse {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  status: OutboxStatus;
  attempts: number;
  /** Times the reconciler or a resend handed the row to the queue again. */
  redrives: number;
  /** The last failure: the SMTP reply or why it gave up. */
  lastError: string | null;
  smtpResponse: string | null;
  rejectedRecipients: string[];
  /** `<ob-{id}@domain>`: the same on every attempt, so a duplicate is recognisable. */
  messageId: string;
  batchId: string | null;
  createdAt: string;
  dispatchedAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
}

export interface MailMessagePage {
  items: MailMessageResponse[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MailBatchProgress {
  id: string;
  template: string;
  label: string;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  pending: number;
  dispatched: number;
  sent: number;
  failed: number;
  /** Share of the batch that reached an end (sent or failed), 0–100, rounded down: 100 only when all did. */
  percent: number;
}

export interface MailBatchPage {
  items: MailBatchProgress[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ResendResponse {
  /** `requeued`: a failed message goes out again under its own id; `copied`: a sent one gets a new message. */
  outcome: 'requeued' | 'copied';
  message: MailMessageResponse;
}
