import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../core/outbox/outbox-message.entity';
import { MAIL_PAGE, type MailFilters } from './mail-console.view';
import { CsrfForm } from '../../../core/web/forms';

/*
 * The page's query string and form bodies. The global ValidationPipe forbids unknown fields, so
 * each has a class; values are lenient strings here and a wrong one is simply ignored (a console
 * link edited by hand shows the unfiltered list rather than an error page).
 */

export class MailPageQuery {
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(80) template?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsString() @MaxLength(40) batch?: string;
  @IsOptional() @IsString() @MaxLength(10) page?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(10) count?: string;
  @IsOptional() @IsString() @MaxLength(5) lang?: string;
}

/** A form that returns to the page it was sent from (the filters kept). */
class ReturningForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(600) returnTo?: string;
}

export class ResendForm extends ReturningForm {}

export class ResendFailedForm extends ReturningForm {
  @IsOptional() @IsString() @MaxLength(80) template?: string;
  @IsOptional() @IsString() @MaxLength(40) batch?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** The filters the query names, each kept only when well-formed. */
export function filtersOf(query: { status?: string; template?: string; q?: string; batch?: string; page?: string }): MailFilters {
  const page = query.page && /^\d{1,6}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  const q = query.q?.trim();
  return {
    status: (OUTBOX_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as OutboxStatus) : undefined,
    template: query.template && TEMPLATE_NAME.test(query.template) ? query.template : undefined,
    q: q ? q : undefined,
    batch: query.batch && UUID.test(query.batch) ? query.batch.toLowerCase() : undefined,
    page,
  };
}

/** Back to the list the form came from; anything that is not the mail page itself goes to the plain list. */
export function safeReturn(returnTo: string | undefined): string {
  if (!returnTo || /[\r\n\\]/.test(returnTo)) return MAIL_PAGE;
  return returnTo === MAIL_PAGE || returnTo.startsWith(`${MAIL_PAGE}?`) ? returnTo : MAIL_PAGE;
}

/** Adds a flash (and count) to a return address. */
export function withFlash(url: string, flash: string, count?: number): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('flash');
  params.delete('count');
  params.set('flash', flash);
  if (count !== undefined) params.set('count', String(count));
  return `${path}?${params.toString()}`;
}

export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);
export const isTemplateName = (value: string | undefined): value is string => value !== undefined && TEMPLATE_NAME.test(value);
