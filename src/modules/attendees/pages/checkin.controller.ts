import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { editionsOfMember, EditionScopes } from '../../../core/auth/edition-scopes';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import type { Lang } from '../../../core/web/i18n';
import { CheckInService, type CheckInState, type WalkInValues } from '../check-in.service';
import { CHECKIN_SCRIPT_SOURCE } from './checkin.script';
import { CHECKIN_PAGE, deskHref, deskView, isOutcome, type Outcome } from './checkin.view-model';
import { renderCheckInDesk, renderCheckInEditions } from './checkin.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

class CheckInForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(100) badge?: string;
  @IsOptional() @IsString() @MaxLength(20) day?: string;
}

class WalkInForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) day?: string;
  @IsOptional() @IsString() @MaxLength(1000) name?: string;
  @IsOptional() @IsString() @MaxLength(1000) email?: string;
  @IsOptional() @IsString() @MaxLength(1000) company?: string;
  @IsOptional() @IsString() @MaxLength(20) country?: string;
  @IsOptional() @IsString() @MaxLength(40) kind?: string;
  @IsOptional() @IsString() @MaxLength(10) language?: string;
  @IsOptional() @IsString() @MaxLength(10) consentMessages?: string;
  @IsOptional() @IsString() @MaxLength(10) consentShareContact?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The current URL with ?lang= set, for the language switcher. */
const withLang = (req: AuthenticatedRequest) => (lang: Lang): string => {
  const url = new URL(req.originalUrl, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
};

function walkInValues(form: WalkInForm): WalkInValues {
  const s = (v: string | undefined): string => (v ?? '').trim();
  return {
    name: s(form.name), email: s(form.email), company: s(form.company), country: s(form.country).toUpperCase(), kind: s(form.kind), language: s(form.language),
    consentMessages: form.consentMessages === 'yes', consentShareContact: form.consentShareContact === 'yes',
  };
}

/** Where a tap lands: the desk with the code and what the tap did (first check-in or already in). */
function outcomeOf(state: CheckInState): Outcome | undefined {
  return state.kind === 'checkedIn' ? 'checkedIn' : state.kind === 'already' ? 'already' : undefined;
}

/**
 * The entrance check-in for staff on a phone (organizer login for now): pick an edition → the
 * desk: scan or type a badge code, see the visitor, check in with one tap; walk-in registration;
 * the counts as CSV. Each route one service call.
 */
@ApiExcludeController()
@Controller('console/checkin')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class CheckInPageController {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly config: AppConfig,
    private readonly scopes: EditionScopes,
  ) {}

  @Get()
  @StaffRoles('onsite')
  @Roles('organizer')
  async editions(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderCheckInEditions(pageContext(req, this.config, withLang(req)), await editionsOfMember(this.scopes, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants }, ['onsite'], await this.checkIns.editions())));
  }

  /** The camera scan (same origin, so the CSP's script-src 'self' allows it). It holds nothing secret. */
  @Get('checkin.js')
  @Public()
  script(@Res() res: Response): void {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.status(200).send(CHECKIN_SCRIPT_SOURCE);
  }

  @Get(':code/counts.csv')
  @StaffRoles('onsite')
  @Roles('organizer')
  async csv(@Res() res: Response, @Param('code') code: string): Promise<void> {
    const { filename, body } = await this.checkIns.countsCsv(code);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).send(body);
  }

  @Get(':code')
  @StaffRoles('onsite')
  @Roles('organizer')
  async desk(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = pageContext(req, this.config, withLang(req));
    const desk = await this.checkIns.desk(code, { day: str(req.query.day), badge: str(req.query.badge) });
    const outcome = isOutcome(req.query.outcome) ? req.query.outcome : undefined;
    sendPage(res, 200, renderCheckInDesk(ctx, desk.edition.code, deskView(desk, ctx.lang, { outcome })));
  }

  /** One tap: 303 back to the desk, saying whether this tap counted or the visitor was in already. */
  @Post(':code')
  @StaffRoles('onsite')
  @Roles('organizer')
  async checkIn(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Body() form: CheckInForm): Promise<void> {
    const badge = (form.badge ?? '').trim();
    const state = await this.checkIns.checkIn(code, { badge, day: form.day, staffId: req.principal?.accountId ?? null });
    redirectTo(res, deskHref(code, { badge: state.visitor?.badgeCode ?? badge, day: form.day, outcome: outcomeOf(state) }));
  }

  @Post(':code/walk-in')
  @StaffRoles('onsite')
  @Roles('organizer')
  async walkIn(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Body() form: WalkInForm): Promise<void> {
    const values = walkInValues(form);
    const outcome = await this.checkIns.walkIn(code, { values, day: form.day, staffId: req.principal?.accountId ?? null });
    if (outcome.ok) {
      return redirectTo(res, deskHref(code, { badge: outcome.badge, day: form.day, outcome: outcome.registeredBefore ? 'walkInBefore' : 'walkIn' }));
    }
    // The form's page is the desk: its language links lead there, not to the POST's address.
    const ctx = pageContext(req, this.config, (lang) => deskHref(code, { day: form.day, lang }));
    sendPage(res, 400, renderCheckInDesk(ctx, outcome.desk.edition.code, deskView(outcome.desk, ctx.lang, { walkIn: { values, errors: outcome.errors } })));
  }
}

export { CHECKIN_PAGE };
