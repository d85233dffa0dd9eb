import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfForm } from '../../../../core/web/forms';

/*
 * The page's query and form bodies: lenient strings (a hand-edited link shows the plain page), the
 * checkboxes as a list whether one or several were ticked.
 */

const toList = ({ value }: { value: unknown }): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export class WebhooksPageQuery {
  @IsOptional() @IsString() @MaxLength(80) event?: string;
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(10) page?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(5) lang?: string;
}

export class CreateWebhookForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  @Transform(toList) @IsArray() @IsString({ each: true }) @MaxLength(80, { each: true }) events: string[] = [];
  @IsOptional() @IsString() @MaxLength(64) edition?: string;
}

export class WebhookEventsForm extends CsrfForm {
  @Transform(toList) @IsArray() @IsString({ each: true }) @MaxLength(80, { each: true }) events: string[] = [];
}

export class WebhookActiveForm extends CsrfForm {
  @IsIn(['true', 'false']) active: string;
}

export class WebhookActionForm extends CsrfForm {}
