import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { pageContext, redirectRefused, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { withLang } from './exhibitor-pages.context';
import { boothTranslator } from './booth-plan-console.messages';
import { BoothPlanConsoleService } from './booth-plan-console.service';
import { renderAutoAssignPreview, renderBoothEditions, renderBoothPage, renderBoothPlan, boothHref, type BoothContext, type Flash } from './booth-plan-console.view';
import { BOOTH_CODE, BOOTHS_PAGE, boothRefusal } from './booth-plan-console.view-model';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

class PlanQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(20) flash?: string;
  @IsOptional() @IsString() @MaxLength(20) booth?: string;
  @IsOptional() @IsString() @MaxLength(300) company?: string;
  @IsOptional() @IsString() @MaxLength(6) count?: string;
}

class AssignForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(40) application?: string;
}

class CommitForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(80) version?: string;
}

const EDITION = /^[a-z0-9-]{1,60}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Edition codes and booth codes from the path: anything else is a page that does not exist. */
function checked(edition: string, booth?: string): void {
  if (!EDITION.test(edition) || (booth !== undefined && !BOOTH_CODE.test(booth))) throw new DomainError(ErrorCode.NotFound, 'No such page.');
}

/**
 * The organizers' booth plans in the web console: an edition's halls drawn with their booths,
 * a booth's page to give it to an approved application or take it back, and the automatic
 * assignment shown before it is committed.
 */
@ApiExcludeController()
@Controller('console/booths')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('reviewer')
export class BoothPlanConsoleController {
  constructor(
    private readonly pages: BoothPlanConsoleService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async editions(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderBoothEditions(this.ctx(req), await this.pages.editions({ orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants })));
  }

  @Get(':edition')
  async plan(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: PlanQuery): Promise<void> {
    checked(edition);
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderBoothPlan(ctx, await this.pages.plan(edition), this.flash(ctx, q)));
  }

  @Get(':edition/booths/:booth')
  async booth(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('booth') booth: string, @Query() q: PlanQuery): Promise<void> {
    checked(edition, booth);
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderBoothPage(ctx, { ...(await this.pages.booth(edition, booth)), flash: this.flash(ctx, q) }));
  }

  @Post(':edition/booths/:booth/assign')
  async assign(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal,
    @Param('edition') edition: string, @Param('booth') booth: string, @Body() form: AssignForm,
  ): Promise<void> {
    checked(edition, booth);
    const ctx = this.ctx(req);
    const application = (form.application ?? '').trim();
    const again = async (status: number, text: string): Promise<void> =>
      sendPage(res, status, renderBoothPage(ctx, { ...(await this.pages.booth(edition, booth)), error: { text, application } }));
    if (!UUID.test(application)) return again(400, ctx.t('err_choose'));
    const answer = await this.pages.assign(principal, edition, booth, application);
    if (!answer.ok) return again(answer.refusal.code === ErrorCode.Conflict ? 409 : 400, ctx.t(boothRefusal(answer.refusal)));
    const params = new URLSearchParams({ flash: answer.value.complete ? 'complete' : 'assigned', booth, company: answer.value.companyName });
    redirectTo(res, `${BOOTHS_PAGE}/${edition}?${params.toString()}`);
  }

  @Post(':edition/booths/:booth/release')
  async release(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('edition') edition: string, @Param('booth') booth: string): Promise<void> {
    checked(edition, booth);
    const ctx = this.ctx(req);
    const answer = await this.pages.release(principal, edition, booth);
    if (!answer.ok) {
      return sendPage(res, 409, renderBoothPage(ctx, { ...(await this.pages.booth(edition, booth)), error: { text: ctx.t(boothRefusal(answer.refusal)), application: '' } }));
    }
    redirectTo(res, `${boothHref(edition, booth)}?${new URLSearchParams({ flash: 'released', booth }).toString()}`);
  }

  @Get(':edition/auto-assign')
  async preview(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: PlanQuery): Promise<void> {
    checked(edition);
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const { plan, preview } = await this.pages.preview(edition);
    sendPage(res, 200, renderAutoAssignPreview(ctx, plan, preview, this.flash(ctx, q)));
  }

  @Post(':edition/auto-assign')
  async commit(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('edition') edition: string, @Body() form: CommitForm): Promise<void> {
    checked(edition);
    const answer = await this.pages.commit(principal, edition, form.version ?? '');
    if (!answer.ok) return redirectRefused(res, `${BOOTHS_PAGE}/${edition}/auto-assign?flash=changed`);
    redirectTo(res, `${BOOTHS_PAGE}/${edition}?${new URLSearchParams({ flash: 'auto', count: String(answer.value.assigned.length) }).toString()}`);
  }

  private ctx(req: AuthenticatedRequest): BoothContext {
    const base = pageContext(req, this.config, withLang(req));
    return { ...base, t: boothTranslator(base.lang) };
  }

  private flash(ctx: BoothContext, q: PlanQuery): Flash | undefined {
    const booth = q.booth && /^[A-Z0-9-]{1,12}$/.test(q.booth) ? q.booth : '';
    if ((q.flash === 'assigned' || q.flash === 'complete') && booth) {
      return { tone: 'ok', text: ctx.t(q.flash === 'complete' ? 'assignedComplete' : 'assigned', { booth, company: q.company ?? '' }) };
    }
    if (q.flash === 'released' && booth) return { tone: 'ok', text: ctx.t('released', { booth }) };
    if (q.flash === 'changed') return { tone: 'warn', text: ctx.t('planChanged') };
    if (q.flash === 'auto' && /^\d{1,5}$/.test(q.count ?? '')) return { tone: 'ok', text: ctx.t('autoDone', { count: q.count ?? '0' }) };
    return undefined;
  }
}
