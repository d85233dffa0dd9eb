import { Controller, Get, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../../core/auth/principal';
import { Roles } from '../../../../core/auth/roles.decorator';
import { CsrfGuard } from '../../../../core/web/csrf';
import { html } from '../../../../core/web/html';
import { renderSitePage } from '../../../../core/web/site-frame';
import { EXHIBITOR_LINKS } from '../../companies/exhibitor-links';
import { ExhibitorPageSupport, show, uuid } from '../../pages/exhibitor-page-support';
import { ExhibitorPageFilter } from '../../pages/exhibitor-pages.filter';
import { BillingPages } from './billing-pages.service';
import { BILLING_STYLES, renderDocument, renderPayments } from './billing.view';
import { PROFILE_PATH } from './billing-profile.view';

class InvoiceQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
}

const WORDS = {
  ko: { title: '참가비 청구서', profile: '세금계산서 정보 입력·수정', back: '신청서로 돌아가기', pdf: 'PDF 내려받기', print: '인쇄', none: '아직 청구서나 견적서가 없습니다. 참가 신청이 승인되면 견적서가 보입니다.', quoteLead: '승인된 신청의 견적입니다. 청구서가 발행되면 이 페이지에 보입니다.' },
  en: { title: 'Participation invoice', profile: 'Enter or change your tax details', back: 'Back to the application', pdf: 'Download PDF', print: 'Print', none: 'No invoice or quote yet. The quote appears once the application is approved.', quoteLead: 'The quote of your approved application. The invoice appears here once issued.' },
} as const;

/** The exhibitor's invoice of an application: the document, its status and payments, the PDF. */
@ApiExcludeController()
@Controller('exhibitor/applications')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorInvoicePagesController {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly pages: BillingPages,
  ) {}

  @Get(':application/invoice')
  @Roles('exhibitor')
  async invoice(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Query() _q: InvoiceQuery): Promise<void> {
    const bound = this.support.bind(req, res);
    const { ctx } = bound;
    const companyId = await this.support.companies.companyIdOf(principal);
    const data = await this.pages.exhibitorInvoice(companyId, id, ctx.lang);
    const w = WORDS[ctx.lang];
    const q = `?lang=${ctx.lang}`;
    const body = html`<p class="noprint"><a href="${EXHIBITOR_LINKS.application(id)}${q}">${w.back}</a>${
      data.invoice ? html` · <a href="${EXHIBITOR_LINKS.application(id)}/invoice.pdf${q}">${w.pdf}</a>` : ''} · <a id="billing-profile-link" href="${PROFILE_PATH}${q}">${w.profile}</a></p>
<h1>${w.title}</h1>
${data.invoice ? renderPayments(ctx.lang, data.invoice) : data.document ? html`<p>${w.quoteLead}</p>` : html`<p>${w.none}</p>`}
${data.document ? renderDocument(data.document) : ''}`;
    this.support.answer(res, show(renderSitePage({ lang: ctx.lang, title: w.title, langHref: ctx.langHref, body, extraStyles: BILLING_STYLES, noindex: true })));
  }

  @Get(':application/invoice.pdf')
  @Roles('exhibitor')
  async pdf(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string): Promise<void> {
    const { ctx } = this.support.bind(req, res);
    const companyId = await this.support.companies.companyIdOf(principal);
    const { number, pdf } = await this.pages.exhibitorPdf(companyId, id, ctx.lang);
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `inline; filename="${number}.pdf"`);
    res.type('application/pdf').send(pdf);
  }
}
