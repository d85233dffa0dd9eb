import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { AuditLog, type AuditFilter } from '../../../core/audit/audit-log';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { csvCell } from '../../../core/csv/csv-cell';
import { formatLocal, localToInstant, DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';
import { pageContext, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { translator, type Translate } from '../../../core/web/i18n';
import { FairsDirectory } from '../../fairs/fairs-directory';
import { AUDIT_PAGE, AUDIT_WORDS, changeLines, renderAuditPage, type AuditFilterValues, type AuditWord } from './audit.view';

class AuditQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() @IsString() @MaxLength(200) actor?: string;
  @IsOptional() @IsString() @MaxLength(200) action?: string;
  @IsOptional() @IsString() @MaxLength(20) from?: string;
  @IsOptional() @IsString() @MaxLength(20) to?: string;
  @IsOptional() @IsString() @MaxLength(10) page?: string;
}

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * /console/audit: the audit log for organization admins (it spans every edition and the team):
 * filter by edition, person, action and days (the KDJ Center's days), 50 a page, CSV of the filter.
 */
@ApiExcludeController()
@Controller('console/audit')
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles({ scope: 'organization' })
export class AuditConsoleController {
  constructor(
    private readonly log: AuditLog,
    private readonly fairs: FairsDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: AuditQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = pageContext(req, this.config, (lang) => `${AUDIT_PAGE}?lang=${lang}`);
    const t = translator(AUDIT_WORDS, ctx.lang);
    const editions = await this.editions(ctx.lang);
    const { values, errors, filter, query } = this.filterOf(q, editions, t);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1));
    const { items, total } = await this.log.page(filter, page, PAGE_SIZE);
    sendPage(res, Object.keys(errors).length ? 400 : 200, renderAuditPage(ctx, t, {
      values, errors, editions, items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), query,
    }));
  }

  /** The filtered log as CSV (UTF-8 with a BOM, so Excel reads Korean); times in the KDJ Center's zone. */
  @Get('export.csv')
  async csv(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: AuditQuery): Promise<void> {
    const ctx = pageContext(req, this.config, () => AUDIT_PAGE);
    const t = translator(AUDIT_WORDS, ctx.lang);
    const editions = await this.editions(ctx.lang);
    const { filter } = this.filterOf(q, editions, t);
    const codeOf = new Map(editions.map((e) => [e.id, e.code]));
    const rows = await this.log.all(filter);
    const lines = [['at', 'actor', 'edition', 'action', 'subject_type', 'subject_id', 'change'].join(',')];
    for (const e of rows) {
      const change = changeLines(e.before, e.after).map((l) => `${l.key}: ${l.before} -> ${l.after}`).join('; ');
      lines.push([formatLocal(new Date(e.at), DEFAULT_TIME_ZONE), e.actorEmail ?? '', e.scopeId ? (codeOf.get(e.scopeId) ?? e.scopeId) : '', e.action, e.subjectType, e.subjectId ?? '', change].map((c) => csvCell(c)).join(','));
    }
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    res.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  }

  private filterOf(q: AuditQuery, editions: Array<{ id: string; code: string }>, t: Translate<AuditWord>): {
    values: AuditFilterValues; errors: Partial<Record<'from' | 'to', string>>; filter: AuditFilter; query: string;
  } {
    const values: AuditFilterValues = { edition: q.edition ?? '', actor: (q.actor ?? '').trim(), action: (q.action ?? '').trim(), from: q.from ?? '', to: q.to ?? '' };
    const errors: Partial<Record<'from' | 'to', string>> = {};
    const filter: AuditFilter = {};
    const edition = editions.find((e) => e.code === values.edition);
    // An unknown edition code filters to nothing rather than to everything.
    if (values.edition) filter.scopeId = edition?.id ?? '00000000-0000-4000-8000-000000000000';
    if (values.actor) filter.actor = values.actor;
    if (values.action) filter.action = values.action;
    for (const key of ['from', 'to'] as const) {
      if (!values[key]) continue;
      if (!DATE.test(values[key]) || Number.isNaN(Date.parse(values[key]))) {
        errors[key] = t('err.date');
        continue;
      }
      const startOfDay = localToInstant(values[key], '00:00', DEFAULT_TIME_ZONE);
      // "To" includes its whole day.
      filter[key] = key === 'from' ? startOfDay : new Date(startOfDay.getTime() + 86_400_000);
    }
    const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString();
    return { values, errors, filter, query };
  }

  private async editions(lang: 'ko' | 'en'): Promise<Array<{ id: string; code: string; name: string }>> {
    const rows = await this.fairs.editions({ includeDrafts: true });
    return rows.map((e) => ({ id: e.id, code: e.code, name: `${lang === 'ko' ? e.seriesKo : e.seriesEn} ${e.year}` }));
  }
}
