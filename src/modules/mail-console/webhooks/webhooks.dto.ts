import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsSingleLine, Trim } from '../../../core/http/validators';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../core/webhooks/webhook-delivery.entity';
import { WEBHOOK_EVENT_NAMES } from './webhook-catalogue';

const EDITION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class CreateWebhookBody {
  @ApiProperty({ example: 'https://crm.example.com/hooks/fairgate', description: 'https only; no user name or password; a public address' })
  @Trim() @IsString() @MaxLength(2000) @IsSingleLine()
  url: string;

  @ApiPropertyOptional({ example: 'CRM (Salesforce)', maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200) @IsSingleLine()
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_NAMES, isArray: true, example: ['application.submitted', 'application.approved'] })
  @IsArray() @ArrayMinSize(1, { message: 'choose at least one event' }) @ArrayMaxSize(20) @IsIn(WEBHOOK_EVENT_NAMES, { each: true, message: `events must be among ${WEBHOOK_EVENT_NAMES.join(', ')}` })
  events: string[];

  @ApiPropertyOptional({ example: 'ppuri-2027', description: 'Only this edition’s events; leave out for every edition' })
  @IsOptional() @Trim() @IsString() @Matches(EDITION_CODE, { message: 'edition must be an edition code such as GCS2027' })
  edition?: string;
}

export class UpdateWebhookBody {
  @ApiPropertyOptional({ example: 'https://crm.example.com/hooks/fairgate' }) @IsOptional() @Trim() @IsString() @MaxLength(2000) @IsSingleLine()
  url?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200) @IsSingleLine()
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_NAMES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1, { message: 'choose at least one event' }) @ArrayMaxSize(20) @IsIn(WEBHOOK_EVENT_NAMES, { each: true, message: `events must be among ${WEBHOOK_EVENT_NAMES.join(', ')}` })
  events?: string[];

  @ApiPropertyOptional({ type: String, example: 'ppuri-2027', nullable: true, description: 'An edition code, or null for every edition' })
  @IsOptional() @Trim() @IsString() @Matches(EDITION_CODE, { message: 'edition must be an edition code such as GCS2027' })
  edition?: string | null;

  @ApiPropertyOptional({ description: 'false disables the subscription: no new deliveries, pending ones fail' }) @IsOptional() @IsBoolean()
  active?: boolean;
}

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_NAMES }) @IsOptional() @IsString() @Matches(/^[a-z][a-z.-]{0,79}$/, { message: 'event must be an event type such as application.submitted' })
  event?: string;
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subscription?: string;
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
}

/** A subscription as the API answers it: never its secret (that is in the create and rotate answers only). */
export interface WebhookResponse {
  id: string;
  url: string;
  description: string;
  events: string[];
  /** The edition code, or null for every edition. */
  edition: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Create and rotate: the signing secret, shown this once. */
export interface WebhookWithSecretResponse {
  webhook: WebhookResponse;
  secret: string;
}
