import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfForm } from '../../../core/web/forms';

export { CsrfForm };

/*
 * Query strings and form bodies of the export-meeting console pages. The global ValidationPipe
 * forbids unknown fields, so each has a class; values are lenient strings and the page decides.
 */

export class MeetingsPageQuery {
  @IsOptional() @IsString() @MaxLength(5) lang?: string;
  /** The list of editions also answers ?edition=<code> (the other console sections' way of naming one): a redirect to it. */
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(10) n?: string;
  @IsOptional() @IsString() @MaxLength(10) notified?: string;
  @IsOptional() @IsString() @MaxLength(40) rule?: string;
}

export class RequestsPageQuery extends MeetingsPageQuery {
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(40) buyer?: string;
  @IsOptional() @IsString() @MaxLength(40) exhibitor?: string;
}

export class ReturnForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(600) returnTo?: string;
}

export class ParticipantFormBody extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(20) side?: string;
  @IsOptional() @IsString() @MaxLength(400) companyName?: string;
  @IsOptional() @IsString() @MaxLength(400) alternateCompanyName?: string;
  @IsOptional() @IsString() @MaxLength(20) country?: string;
  @IsOptional() @IsString() @MaxLength(20) identifierKind?: string;
  @IsOptional() @IsString() @MaxLength(200) identifier?: string;
  @IsOptional() @IsString() @MaxLength(200) contactName?: string;
  @IsOptional() @IsString() @MaxLength(300) email?: string;
  @IsOptional() @IsString() @MaxLength(200) languages?: string;
  @IsOptional() @IsString({ each: true }) @MaxLength(60, { each: true }) interests?: string | string[];
  @IsOptional() @IsString() @MaxLength(40) tableCode?: string;
  @IsOptional() @IsString() @MaxLength(10) maxMeetings?: string;
  @IsOptional() @IsString() @MaxLength(5) locale?: string;
}

export class ImportFormBody extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(2_000_000) csv?: string;
}

export class AvailabilityFormBody extends CsrfForm {
  @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) away?: string | string[];
}

export class LockFormBody extends ReturnForm {
  @IsOptional() @IsString() @MaxLength(40) slot?: string;
  @IsOptional() @IsString() @MaxLength(40) table?: string;
}

/** The run form: the fairness mode ('weight', the default, or 'strict'); anything else reads as the default. */
export class RunFormBody extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(10) fairness?: string;
}

export class MoveFormBody extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(40) slot?: string;
  @IsOptional() @IsString() @MaxLength(40) table?: string;
}

export class SwapFormBody extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(40) with?: string;
}
