import { Body, Catch, Controller, Get, Injectable, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { CsrfGuard, csrfToken, sessionBinding } from '../../../core/web/csrf';
import { html } from '../../../core/web/html';
import { pickLang, translator, type Catalogue, type Lang } from '../../../core/web/i18n';
import { renderPage } from '../../../core/web/layout';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import type { LeadResponse } from '../dto/lead.dto';
import { CONTACT_NOT_SHARED, LeadsService } from '../leads.service';

/*
 * The exhibitor's phone page for scanning visitor badges: a text field that a QR-scanner app or
 * the keyboard fills, a note, and the company's leads below. Session cookie + CSRF token, like
 * the other /exhibitor pages; the JSON API is /api/company/leads.
 */

type K = 'title' | 'edition' | 'badge' | 'badgeHint' | 'note' | 'save' | 'leads' | 'none' | 'notShared' | 'saved' | 'refused' | 'csv';
const M: Catalogue<K> = {
  ko: {
    title: '방문객 배지 스캔', edition: '전시회 코드', badge: '배지 코드', badgeHint: 'QR 스캐너 앱으로 읽거나 FG-XXXX-XXXX 형식으로 입력하세요.', note: '메모',
    save: '저장', leads: '스캔한 방문객', none: '아직 스캔한 방문객이 없습니다.', notShared: '(연락처 비공개)', saved: '저장했습니다.', refused: '처리하지 못했습니다', csv: 'CSV 내려받기',
  },
  en: {
    title: 'Scan visitor badges', edition: 'Edition code', badge: 'Badge code', badgeHint: 'Read it with a QR scanner app or type it as FG-XXXX-XXXX.', note: 'Note',
    save: 'Save', leads: 'Scanned visitors', none: 'No visitors scanned yet.', notShared: CONTACT_NOT_SHARED, saved: 'Saved.', refused: 'Not done', csv: 'Download CSV',
  },
};

export class ScanForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(60) edition?: string;
  @IsOptional() @IsString() @MaxLength(40) badgeCode?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

const langOf = (req: Request): Lang => pickLang(req.query.lang, undefined, req.header('accept-language'));
const editionOf = (value: unknown): string => (typeof value === 'string' && /^[a-z0-9-]{1,60}$/.test(value) ? value : '');

function render(lang: Lang, csrf: string, edition: string, leads: LeadResponse[], notice?: { ok: boolean; text: string }): string {
  const t = translator(M, lang);
  const items = leads.map((l) => html`<li class="card"><p><strong>${l.contact ? l.contact.name : t('notShared')}</strong> · ${l.badgeCode}</p>
${l.contact ? html`<p>${l.contact.email}${l.contact.company ? ` · ${l.contact.company}` : ''}</p>` : ''}${l.note ? html`<p>${l.note}</p>` : ''}</li>`);
  const body = html`<h1>${t('title')}</h1>
${notice ? html`<p class="notice ${notice.ok ? 'ok' : 'bad'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</p>` : ''}
<form method="post" action="/exhibitor/leads?lang=${lang}" class="scan">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="edition">${t('edition')}</label><input id="edition" name="edition" value="${edition}" required autocomplete="off"></p>
<p><label for="badgeCode">${t('badge')}</label><input id="badgeCode" name="badgeCode" required autocomplete="off" autocapitalize="characters" aria-describedby="badge-hint" autofocus>
<span id="badge-hint" class="hint">${t('badgeHint')}</span></p>
<p><label for="note">${t('note')}</label><textarea id="note" name="note" rows="3" maxlength="2000"></textarea></p>
<button type="submit">${t('save')}</button></form>
${edition ? html`<h2>${t('leads')}</h2><p><a href="/api/company/leads.csv?edition=${edition}">${t('csv')}</a></p>${items.length === 0 ? html`<p>${t('none')}</p>` : html`<ul class="cards">${items}</ul>`}` : ''}`;
  return renderPage({
    lang, title: t('title'), langHref: (l) => `/exhibitor/leads?lang=${l}${edition ? `&edition=${edition}` : ''}`, body, appName: 'Fairgate',
    extraStyles: `main{max-width:40rem}label{display:block;font-weight:600}input,textarea{font:inherit;width:100%;padding:.5rem;min-height:2.75rem;border:1px solid #888;border-radius:4px}
button{font:inherit;min-height:2.75rem;padding:.45rem 1rem;border-radius:6px;border:1px solid #0b57d0;background:#0b57d0;color:#fff}.hint{color:#555;font-size:.9rem}
ul.cards{list-style:none;padding:0}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .75rem;margin-bottom:.5rem}.card p{margin:.2rem 0}
.notice{padding:.6rem .9rem;border-radius:6px;border:1px solid}.notice.ok{background:#ecfdf3;border-color:#12b76a}.notice.bad{background:#fef3f2;border-color:#b42318}`,
  });
}

/** Not logged in: to the exhibitor login; any other refusal: a short page in the visitor's language. */
@Catch()
@Injectable()
export class LeadsPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    // The exhibitor pages' login form and session cookie path (see exhibitor-pages.context.ts).
    super(config, { loginPage: '/exhibitor/login', cookiePath: '/exhibitor' });
  }

  protected renderError(req: Request, res: Response, body: ErrorBody): void {
    const lang = langOf(req);
    sendPage(res, body.statusCode, renderPage({ lang, title: M[lang].refused, langHref: (l) => `/exhibitor/leads?lang=${l}`, appName: 'Fairgate',
      body: html`<h1>${M[lang].refused}</h1><p role="alert">${body.message}</p><p><a href="/exhibitor/leads?lang=${lang}">${M[lang].title}</a></p>` }));
  }
}

@ApiExcludeController()
@Controller('exhibitor/leads')
@Roles('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(LeadsPageFilter)
export class LeadsPageController {
  constructor(
    private readonly leads: LeadsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('exhibitor')
  async page(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = langOf(req);
    const edition = editionOf(req.query.edition);
    const leads = edition ? await this.leads.list(principal, edition) : [];
    const notice = req.query.done === 'saved' ? { ok: true, text: M[lang].saved } : undefined;
    sendPage(res, 200, render(lang, csrfToken(this.config.appSecret, sessionBinding(principal.sessionId)), edition, leads, notice));
  }

  @Post()
  @Roles('exhibitor')
  async scan(@CurrentPrincipal() principal: Principal, @Body() form: ScanForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const edition = editionOf(form.edition);
    await this.leads.scan(principal, { editionCode: edition, badgeCode: form.badgeCode ?? '', note: form.note });
    redirectTo(res, `/exhibitor/leads?lang=${langOf(req)}&edition=${encodeURIComponent(edition)}&done=saved`);
  }
}
