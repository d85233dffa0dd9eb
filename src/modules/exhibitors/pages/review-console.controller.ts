import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { pageContext, redirectRefused, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { ApplicationReviewService } from '../applications/application-review.service';
import { ApplicationListQuery } from '../dto/application.dto';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import { withLang } from './exhibitor-pages.context';
import { reviewTranslator, type ReviewT } from './review-console.messages';
import { ReviewConsoleService } from './review-console.service';
import { renderReviewDetail, renderReviewList, type ReviewContext, type ReviewListModel } from './review-console.view';
import {
  BULK_DECISIONS, decisionError, listNotices, DECISIONS, encodeOutcomes, FILTER_FIELDS, PAGE_SIZE, pageNumber, REVIEW_PAGE, safeBack, selectedIds,
  type BulkDecision, type Decision, type FilterField, type FilterValues, type Outcome,
} from './review-console.view-model';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

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
  @IsOptional() @IsString() @MaxLength(10) page?: string;
  @IsOptional() @IsString() @MaxLength(10) select?: string;
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
  @IsOptional() @IsString() @MaxLength(300) company?: string;
  @IsOptional() @IsString({ each: true }) @MaxLength(80, { each: true }) r?: string | string[];
}

class BackForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(2000) back?: string;
}

class DecisionForm extends BackForm {
  @IsOptional() @IsIn(DECISIONS) action?: Decision;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @IsOptional() @IsString() @MaxLength(40) hall?: string;
}

class BulkForm extends BackForm {
  @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) ids?: string | string[];
  @IsOptional() @IsIn(BULK_DECISIONS) action?: BulkDecision;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

const uuid = new ParseUUIDPipe({ version: '4' });

function filterValues(q: Partial<Record<FilterField, string>>): FilterValues {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, (q[f] ?? '').trim()])) as FilterValues;
}

/** The filters as the service's query, or what is wrong with each. */
function toListQuery(v: FilterValues, page: number, t: ReviewT): { ok: true; query: ApplicationListQuery } | { ok: false; errors: Partial<Record<FilterField, string>> } {
  const plain = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== ''));
  const query = plainToInstance(ApplicationListQuery, { ...plain, page, pageSize: PAGE_SIZE });
  const errors: Partial<Record<FilterField, string>> = {};
  for (const e of validateSync(query, { whitelist: true })) {
    if ((FILTER_FIELDS as readonly string[]).includes(e.property)) errors[e.property as FilterField] = e.property === 'country' ? t('badCountry') : t('badChoice');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}

/** The list's query string for these filters (with its leading ?). */
function backOf(filters: FilterValues): string {
  const params = new URLSearchParams();
  for (const f of FILTER_FIELDS) if (filters[f]) params.set(f, filters[f]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A single-line reason, or null when the text has control characters. */
function cleanReason(reason: string | undefined): string | null {
  const r = (reason ?? '').trim();
  return /[\p{Cc}]/u.test(r) ? null : r;
}

/**
 * The organizers' applications in the web console (same login and session as /console): pick an
 * edition, filter and page through its applications, decide one or many with a result per
 * application, open one application with its files and history, export CSV.
 */
@ApiExcludeController()
@Controller('console/applications')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('reviewer')
export class ReviewConsoleController {
  constructor(
    private readonly pages: ReviewConsoleService,
    private readonly review: ApplicationReviewService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: ReviewQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const { outcomes, ...extra } = listNotices(q, ctx.t);
    const page = await this.listPage(ctx, filterValues(q), pageNumber(q.page), q.select === 'all', outcomes, extra);
    sendPage(res, page.status, page.html);
  }

  @Get('export.csv')
  async exportCsv(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: ReviewQuery): Promise<void> {
    const parsed = toListQuery(filterValues(q), 1, this.ctx(req).t);
    if (!parsed.ok) throw new DomainError(ErrorCode.ValidationFailed, 'The filters are not valid.');
    const csv = await this.review.exportCsv({ ...parsed.query, page: undefined, pageSize: undefined }, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants });
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="applications-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.send(csv);
  }

  @Post('bulk')
  async bulk(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: BulkForm): Promise<void> {
    const back = safeBack(form.back);
    const to = (params: URLSearchParams, refused = false): void => (refused ? redirectRefused : redirectTo)(res, `${REVIEW_PAGE}${back}${back ? '&' : '?'}${params.toString()}`);
    const ids = selectedIds(form.ids);
    const action = form.action ?? 'approve';
    const reason = cleanReason(form.reason);
    if (ids.length === 0) return to(new URLSearchParams({ flash: 'bulk-none' }), true);
    if (action !== 'approve' && !reason) return to(new URLSearchParams({ flash: 'bulk-reason' }), true);
    const rows = await this.pages.bulk(principal, ids, action, reason || null);
    const params = new URLSearchParams({ flash: 'bulk' });
    for (const r of encodeOutcomes(rows)) params.append('r', r);
    to(params);
  }

  @Get(':id')
  @StaffRoles('reviewer', { scope: 'application' })
  async detail(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('id', uuid) id: string, @Query() q: ReviewQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const data = await this.pages.detailPage(id);
    const flash = q.flash === 'decided' && q.company ? { tone: 'ok' as const, text: q.company } : undefined;
    sendPage(res, 200, renderReviewDetail(ctx, { ...data, flash }));
  }

  @Get(':id/uploads/:kind')
  @StaffRoles('reviewer', { scope: 'application' })
  async upload(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Param('kind') kind: string): Promise<void> {
    if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) throw new DomainError(ErrorCode.NotFound, 'No such file.');
    const file = await this.pages.upload(principal, id, kind as UploadKind);
    res.status(200).setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `${kind === 'logo' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.send(file.content);
  }

  @Post(':id/decision')
  @StaffRoles('reviewer', { scope: 'application' })
  async decide(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() form: DecisionForm,
  ): Promise<void> {
    const ctx = this.ctx(req);
    const toDetail = form.back === `/${id}`;
    const back = toDetail ? '' : safeBack(form.back);
    const reason = cleanReason(form.reason);
    const hall = (form.hall ?? '').trim();
    const again = async (status: number, field: 'hall' | 'reason' | 'action', text: string): Promise<void> => {
      const rowError = { id, field, text, reason: form.reason ?? '', hall };
      if (toDetail) {
        const data = await this.pages.detailPage(id);
        return sendPage(res, status, renderReviewDetail(ctx, { ...data, error: rowError }));
      }
      const page = await this.listPage(ctx, filterValues(Object.fromEntries(new URLSearchParams(back))), pageNumber(new URLSearchParams(back).get('page') ?? ''), false, [], { rowError });
      sendPage(res, status, page.html);
    };
    if (!form.action) return again(400, 'action', ctx.t('badChoice'));
    if (reason === null) return again(400, 'reason', ctx.t('badText'));
    const answer = await this.pages.decide(principal, id, form.action, reason || null, hall || undefined);
    if (!answer.ok) {
      const e = decisionError(answer.refusal, ctx.t);
      return again(e.field === 'action' ? 409 : 400, e.field, e.field === 'hall' && hall ? ctx.t('badHall') : e.text);
    }
    const flash = new URLSearchParams({ flash: 'decided', company: ctx.t('decided', { company: answer.application.companyName, status: ctx.t(`app_${answer.application.status}`) }) });
    if (toDetail) return redirectTo(res, `${REVIEW_PAGE}/${id}?${flash.toString()}`);
    redirectTo(res, `${REVIEW_PAGE}${back}${back ? '&' : '?'}${flash.toString()}#app-${id}`);
  }

  private ctx(req: AuthenticatedRequest): ReviewContext {
    const base = pageContext(req, this.config, withLang(req));
    return { ...base, t: reviewTranslator(base.lang) };
  }

  /** The list page; invalid filters are shown next to their fields with a 400. */
  private async listPage(
    ctx: ReviewContext, filters: FilterValues, page: number, selectAll: boolean, outcomes: Array<{ id: string; outcome: Outcome }>, extra: Partial<ReviewListModel>,
  ): Promise<{ status: number; html: string }> {
    const parsed = toListQuery(filters, page, ctx.t);
    const data = await this.pages.listPage(parsed.ok ? parsed.query : null, filters.edition, outcomes.map((o) => o.id), ctx.user?.access ?? { orgAdmin: false, grants: [] });
    const html = renderReviewList(ctx, {
      filters, filterErrors: parsed.ok ? {} : parsed.errors, page, selectAll,
      editions: data.editions, halls: data.halls, categories: data.categories, items: data.list?.items ?? [], total: data.list?.total ?? 0,
      back: backOf(filters),
      results: outcomes.map((o) => ({ id: o.id, company: data.companies.get(o.id) ?? '', outcome: o.outcome })),
      ...extra,
    });
    return { status: parsed.ok ? 200 : 400, html };
  }
}
