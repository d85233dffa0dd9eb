import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { editionsWhere } from '../../../core/auth/staff-access';
import { STAFF_ROLES, StaffRoles, type StaffRole } from '../../../core/auth/staff-roles.decorator';
import { TeamService } from '../../../core/auth/team.service';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { CsrfForm } from '../../../core/web/forms';
import { translator } from '../../../core/web/i18n';
import { FairsDirectory } from '../../fairs/fairs-directory';
import { TEAM_WORDS, type TeamWord } from './team.messages';
import { ALL_EDITIONS, TEAM_PAGE, renderAcceptPage, renderTeamPage, type InviteState, type TeamEdition } from './team.view';

class TeamQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
}

class InviteForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(300) email?: string;
  @IsOptional() @IsString() @MaxLength(300) displayName?: string;
  @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() roles?: string | string[];
}

class RolesForm extends CsrfForm {
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() roles?: string | string[];
}

class OrgAdminForm extends CsrfForm {
  @IsIn(['yes', 'no']) orgAdmin: 'yes' | 'no';
}

class AcceptQuery {
  @IsOptional() @IsString() @MaxLength(200) token?: string;
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
}

class AcceptForm {
  @IsOptional() @IsString() @MaxLength(200) token?: string;
  @IsOptional() @IsString() @MaxLength(300) password?: string;
}

const FLASHES = ['invited', 'roles', 'admin', 'revoked'] as const;
const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * /console/team: the organizer team as a grid of roles per edition; invite, change roles, make or
 * remove organization admins, revoke. Organization admins and edition admins (for their editions)
 * use it; /console/team/accept is the invitation link's page (public: the link is the secret).
 */
@ApiExcludeController()
@Controller('console/team')
@UseFilters(ConsolePageFilter)
export class TeamConsoleController {
  constructor(
    private readonly team: TeamService,
    private readonly fairs: FairsDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('organizer')
  @StaffRoles('admin', { scope: 'any' })
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TeamQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const flash = FLASHES.find((f) => f === q.flash);
    await this.render(req, res, 200, { flash, invite: { values: { email: '', displayName: '', locale: 'ko', edition: '', roles: [] }, errors: {} } });
  }

  @Post('invite')
  @UseGuards(CsrfGuard)
  @Roles('organizer')
  @StaffRoles('admin', { scope: 'any' })
  async invite(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() by: Principal, @Body() form: InviteForm): Promise<void> {
    const t = this.words(req);
    const values = { email: (form.email ?? '').trim(), displayName: (form.displayName ?? '').trim(), locale: form.locale ?? 'ko', edition: form.edition ?? '', roles: listOf(form.roles) };
    const state: InviteState = { values, errors: {} };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) || values.email.length > 200) state.errors.email = t('err.email');
    if (values.displayName === '' || values.displayName.length > 100) state.errors.displayName = t('err.name');
    const roles = rolesOf(values.roles);
    if (!roles) state.errors.roles = t('err.roles');
    const editionId = await this.editionIdOf(values.edition);
    if (editionId === undefined) state.errors.edition = t('err.edition');
    if (Object.keys(state.errors).length === 0) {
      try {
        await this.team.invite(by, { email: values.email, displayName: values.displayName, locale: values.locale, grants: roles!.map((role) => ({ editionId: editionId!, role })) });
        return redirectTo(res, `${TEAM_PAGE}?flash=invited`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === ErrorCode.Conflict) state.errors.email = t('err.exists');
        else if (error.code === ErrorCode.Forbidden) state.errors.edition = t('err.grant');
        else throw error;
      }
    }
    await this.render(req, res, 400, { invite: state });
  }

  @Post(':id/roles')
  @UseGuards(CsrfGuard)
  @Roles('organizer')
  @StaffRoles('admin', { scope: 'any' })
  async roles(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() by: Principal, @Param('id', uuid) id: string, @Body() form: RolesForm): Promise<void> {
    const editionId = await this.editionIdOf(form.edition ?? '');
    const roles = listOf(form.roles);
    const known = roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
    if (editionId === undefined || known.length !== roles.length) throw DomainError.validation([{ field: 'edition', messages: ['pick an edition and known roles'] }]);
    await this.attempt(req, res, () => this.team.setRoles(by, id, editionId, known), 'roles');
  }

  @Post(':id/org-admin')
  @UseGuards(CsrfGuard)
  @Roles('organizer')
  @StaffRoles({ scope: 'organization' })
  async orgAdmin(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() by: Principal, @Param('id', uuid) id: string, @Body() form: OrgAdminForm): Promise<void> {
    await this.attempt(req, res, () => this.team.setOrgAdmin(by, id, form.orgAdmin === 'yes'), 'admin');
  }

  @Post(':id/revoke')
  @UseGuards(CsrfGuard)
  @Roles('organizer')
  @StaffRoles({ scope: 'organization' })
  async revoke(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() by: Principal, @Param('id', uuid) id: string, @Body() _form: CsrfForm): Promise<void> {
    await this.attempt(req, res, () => this.team.revoke(by, id), 'revoked');
  }

  @Get('accept')
  @Public()
  acceptPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: AcceptQuery): void {
    const ctx = pageContext(req, this.config, (lang) => `${TEAM_PAGE}/accept?lang=${lang}&token=${encodeURIComponent(q.token ?? '')}`);
    sendPage(res, 200, renderAcceptPage({ ...ctx, user: undefined }, translator(TEAM_WORDS, ctx.lang), { token: q.token ?? '' }));
  }

  @Post('accept')
  @Public()
  async accept(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: AcceptForm): Promise<void> {
    const ctx = { ...pageContext(req, this.config, (lang) => `${TEAM_PAGE}/accept?lang=${lang}`), user: undefined };
    const t = translator(TEAM_WORDS, ctx.lang);
    try {
      const { email } = await this.team.accept(form.token ?? '', form.password ?? '');
      sendPage(res, 200, renderAcceptPage(ctx, t, { token: '', done: { email } }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = error.code === ErrorCode.InvalidToken ? 410 : 400;
      sendPage(res, status, renderAcceptPage(ctx, t, { token: form.token ?? '', error: status === 410 ? t('err.token') : t('err.password') }));
    }
  }

  /** A member form: on success back to the page with its flash; a refusal shown on top of the page. */
  private async attempt(req: AuthenticatedRequest, res: Response, work: () => Promise<void>, flash: (typeof FLASHES)[number]): Promise<void> {
    try {
      await work();
      return redirectTo(res, `${TEAM_PAGE}?flash=${flash}#member-${req.params.id as string}`);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== ErrorCode.Conflict && error.code !== ErrorCode.Forbidden)) throw error;
      const t = this.words(req);
      await this.render(req, res, error.status, {
        problem: error.code === ErrorCode.Conflict ? t('err.lastAdmin') : t('err.grant'),
        invite: { values: { email: '', displayName: '', locale: 'ko', edition: '', roles: [] }, errors: {} },
      });
    }
  }

  private async render(req: AuthenticatedRequest, res: Response, status: number, extra: { flash?: (typeof FLASHES)[number]; problem?: string; invite: InviteState }): Promise<void> {
    const ctx = pageContext(req, this.config, (lang) => `${TEAM_PAGE}?lang=${lang}`);
    const t = translator(TEAM_WORDS, ctx.lang);
    const principal = req.principal!;
    const [members, editions] = await Promise.all([this.team.members(), this.editions(ctx.lang)]);
    sendPage(res, status, renderTeamPage(ctx, t, {
      members, editions, orgAdmin: principal.orgAdmin,
      grantable: editionsWhere({ orgAdmin: principal.orgAdmin, grants: principal.staffGrants }, ['admin']),
      flash: extra.flash && t(`flash.${extra.flash}` as TeamWord), problem: extra.problem, invite: extra.invite,
    }));
  }

  private words(req: AuthenticatedRequest): ReturnType<typeof translator<TeamWord>> {
    return translator(TEAM_WORDS, pageContext(req, this.config, () => TEAM_PAGE).lang);
  }

  private async editions(lang: 'ko' | 'en'): Promise<TeamEdition[]> {
    const rows = await this.fairs.editions({ includeDrafts: true });
    return rows.map((e) => ({ id: e.id, code: e.code, name: `${lang === 'ko' ? e.seriesKo : e.seriesEn} ${e.year}` }));
  }

  /** The edition picked in a form: its id, null for every edition, undefined for none or an unknown one. */
  private async editionIdOf(choice: string): Promise<string | null | undefined> {
    if (choice === ALL_EDITIONS) return null;
    if (choice === '') return undefined;
    return (await this.fairs.edition(choice))?.id;
  }
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string').slice(0, 10);
}

function rolesOf(values: string[]): StaffRole[] | undefined {
  const roles = values.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
  return roles.length > 0 && roles.length === values.length ? roles : undefined;
}
