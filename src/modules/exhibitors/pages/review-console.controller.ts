import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { parseCookies } from '../../../core/web/cookies';
import { csrfToken, CsrfGuard, sessionBinding } from '../../../core/web/csrf';
import { LANG_COOKIE, pickLang, translator } from '../../../core/web/i18n';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { ApplicationReviewService } from '../applications/application-review.service';
import { BoothsService } from '../booths/booths.service';
import { ApplicationListQuery } from '../dto/application.dto';
import { withLang } from './exhibitor-pages.context';
import type { PageContext } from './exhibitor-pages.view';
import { EXHIBITOR_MESSAGES, type ExhibitorT } from './messages';
import { DECISIONS, FILTER_FIELDS, renderReviewPage, REVIEW_PAGE, type Decision, type FilterField, type FilterValues, type ReviewPageModel } from './review-console.view';

/** The list's query: lenient strings (an empty select sends ""), checked by the API's own query rules below. */
class ReviewQuery {
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() @IsString() @MaxLength(40) status?: string;
  @IsOptional() @IsString() @MaxLength(40) hall?: string;
  @IsOptional() @IsString() @MaxLength(80) category?: string;
  @IsOptional() @IsString() @MaxLength(10) country?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsString() @MaxLength(40) sort?: string;
  @IsOptional() @IsString() @MaxLength(10) order?: string;
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(10) approved?: string;
  @IsOptional() @IsString() @MaxLength(10) waitlisted?: string;
  @IsOptional() @IsString() @MaxLength(10) refused?: string;
  @IsOptional() @IsString() @MaxLength(300) company?: string;
}

class BackForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(2000) back?: string;
}

class DecisionForm extends BackForm {
  @IsOptional() @IsIn(DECISIONS) action?: Decision;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

class BulkForm extends BackForm {
  @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) ids?: string | string[];
}

const uuid = new ParseUUIDPipe({ version: '4' });

function filterValues(q: ReviewQuery): FilterValues {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, (q[f] ?? '').trim()])) as FilterValues;
}

/** The filters as the service's query, or what is wrong with each. */
function toListQuery(v: FilterValues, t: ExhibitorT): { ok: true; query: ApplicationListQuery } | { ok: false; errors: Partial<Record<FilterField, string>> } {
  const plain = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== ''));
  const query = plainToInstance(ApplicationListQuery, { ...plain, pageSize: 200 });
  const errors: Partial<Record<FilterField, string>> = {};
  for (const e of validateSync(query, { whitelist: true })) {
    if ((FILTER_FIELDS as readonly string[]).includes(e.property)) errors[e.property as FilterField] = e.property === 'country' ? t('badCountry') : t('badChoice');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}

/** Only a query string of this list is a place to return to. */
function safeBack(back: string | undefined): string {
  return back && /^\?[\w\-.~%&=+]*$/.test(back) && back.length < 1000 ? back : '';
}

/**
 * The organizers' review of exhibitor applications in the web console (same login and
 * session as /console): filter, decide row by row or approve in bulk, export CSV.
 */
@ApiExcludeController()
@Controller('console/applications')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
export class ReviewConsoleController {
  constructor(
    private readonly review: ApplicationReviewService,
    private readonly fairs: FairsService,
    private readonly booths: BoothsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: ReviewQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const filters = filterValues(q);
    const page = await this.page(ctx, filters, { flash: this.flash(ctx, q) });
    sendPage(res, page.status, page.html);
  }

  @Get('export.csv')
  async exportCsv(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: ReviewQuery): Promise<void> {
    const parsed = toListQuery(filterValues(q), this.ctx(req).t);
    if (!parsed.ok) throw new DomainError(ErrorCode.ValidationFailed, 'The filters are not valid.');
    const csv = await this.review.exportCsv(parsed.query);
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="applications-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.send(csv);
  }

  @Post(':id/decision')
  async decide(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() form: DecisionForm,
  ): Promise<void> {
    const ctx = this.ctx(req);
    const back = safeBack(form.back);
    const reason = (form.reason ?? '').trim();
    const again = async (status: number, text: string): Promise<void> => {
      const filters = filterValues(Object.fromEntries(new URLSearchParams(back)));
      sendPage(res, status, (await this.page(ctx, filters, { rowError: { id, reason, text } })).html);
    };
    if (!form.action) return again(400, ctx.t('badChoice'));
    if (/[\p{Cc}]/u.test(reason)) return again(400, ctx.t('badText'));
    let company: string;
    let status: string;
    try {
      const answer = await this.review.decide(principal, id, form.action, reason || null);
      company = answer.companyName;
      status = ctx.t(`app_${answer.status}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.ValidationFailed) return again(400, ctx.t('reasonRequired'));
      if (error.code === ErrorCode.IllegalTransition) return again(409, ctx.t('notAllowed'));
      throw error;
    }
    redirectTo(res, `${REVIEW_PAGE}${back}${back ? '&' : '?'}${new URLSearchParams({ flash: 'decided', company: `${company}: ${status}` }).toString()}#app-${id}`);
  }

  @Post('bulk-approve')
  async bulkApprove(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: BulkForm): Promise<void> {
    const back = safeBack(form.back);
    const ids = (form.ids === undefined ? [] : Array.isArray(form.ids) ? form.ids : [form.ids]).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (ids.length === 0) return redirectTo(res, `${REVIEW_PAGE}${back}${back ? '&' : '?'}flash=bulk-none`);
    const r = await this.review.bulkApprove(principal, [...new Set(ids)].slice(0, 500));
    const counts = new URLSearchParams({ flash: 'bulk', approved: String(r.approved.length), waitlisted: String(r.waitlisted.length), refused: String(r.refused.length) });
    redirectTo(res, `${REVIEW_PAGE}${back}${back ? '&' : '?'}${counts.toString()}`);
  }

  private ctx(req: AuthenticatedRequest): PageContext {
    const lang = pickLang(req.query.lang, parseCookies(req.header('cookie')).get(LANG_COOKIE), req.header('accept-language'));
    const p = req.principal;
    return {
      lang, t: translator(EXHIBITOR_MESSAGES, lang), langHref: withLang(req),
      user: p ? { displayName: p.displayName, csrf: csrfToken(this.config.appSecret, sessionBinding(p.sessionId)) } : undefined,
    };
  }

  private flash(ctx: PageContext, q: ReviewQuery): ReviewPageModel['flash'] {
    if (q.flash === 'decided' && q.company) return { ok: true, text: q.company };
    if (q.flash === 'bulk-none') return { ok: false, text: ctx.t('bulkNone') };
    if (q.flash === 'bulk') {
      const n = (v: string | undefined): string => (/^\d{1,4}$/.test(v ?? '') ? (v as string) : '0');
      return { ok: true, text: ctx.t('bulkResult', { approved: n(q.approved), waitlisted: n(q.waitlisted), refused: n(q.refused) }) };
    }
    return undefined;
  }

  /** The list page; invalid filters are shown next to their fields with a 400. */
  private async page(ctx: PageContext, filters: FilterValues, extra: Pick<ReviewPageModel, 'flash' | 'rowError'>): Promise<{ status: number; html: string }> {
    const parsed = toListQuery(filters, ctx.t);
    const fairs = await this.fairs.listFairs();
    const editions = fairs.flatMap((f) => f.editions.map((e) => ({ code: e.code, name: `${ctx.lang === 'ko' ? f.nameKo : f.nameEn} ${e.year}`, status: e.status })));
    const open = editions.filter((e) => e.status === 'registration_open');
    const halls = [...new Set((await Promise.all(open.map((e) => this.booths.exhibition(e.code)))).flatMap((x) => x.halls.map((h) => h.code)))].sort();
    const list = parsed.ok ? await this.review.list(parsed.query) : { items: [], total: 0 };
    const back = (() => {
      const params = new URLSearchParams();
      for (const f of FILTER_FIELDS) if (filters[f]) params.set(f, filters[f]);
      const s = params.toString();
      return s ? `?${s}` : '';
    })();
    const html = renderReviewPage(ctx, {
      filters, filterErrors: parsed.ok ? {} : parsed.errors, editions, halls, items: list.items, total: list.total, back, ...extra,
    });
    return { status: parsed.ok ? 200 : 400, html };
  }
}
