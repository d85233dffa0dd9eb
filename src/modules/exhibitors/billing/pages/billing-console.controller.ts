import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../../core/auth/principal';
import { Roles } from '../../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../../core/auth/staff-roles.decorator';
import { AppConfig } from '../../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../../core/errors/domain-error';
import { pageContext, redirectTo, rememberLang, sendPage, type ConsoleContext } from '../../../../core/web/console-context';
import { ConsolePageFilter } from '../../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../../core/web/csrf';
import { withLang } from '../../pages/exhibitor-pages.context';
import { INVOICE_STATUSES, seoulDay, type InvoiceStatus } from '../domain/invoice-status';
import { BillingPages } from './billing-pages.service';
import { BILLING_PAGE, flashText, renderBillingEditions, renderEditionBilling, renderInvoiceConsole, type PaymentFormValues } from './billing.view';

class BillingQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(20) flash?: string;
  @IsOptional() @IsIn(INVOICE_STATUSES as InvoiceStatus[]) status?: InvoiceStatus;
}

class IssueForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(40) application?: string;
}

class PaymentForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(20) kind?: string;
  @IsOptional() @IsString() @MaxLength(20) amountKrw?: string;
  @IsOptional() @IsString() @MaxLength(20) receivedOn?: string;
  @IsOptional() @IsString() @MaxLength(100) payerName?: string;
  @IsOptional() @IsString() @MaxLength(100) providerReference?: string;
}

const EDITION = /^[a-z0-9-]{1,60}$/;
const uuid = new ParseUUIDPipe({ version: '4' });

function checked(edition: string): void {
  if (!EDITION.test(edition)) throw new DomainError(ErrorCode.NotFound, 'No such page.');
}

/** The console's 청구·입금 section: an edition's invoices, issuing, payments and refunds, CSV and PDF. */
@ApiExcludeController()
@Controller('console/billing')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('admin')
export class BillingConsoleController {
  constructor(
    private readonly pages: BillingPages,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async editions(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderBillingEditions(ctx, await this.pages.editions(ctx.lang)));
  }

  @Get(':edition')
  async edition(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: BillingQuery): Promise<void> {
    checked(edition);
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderEditionBilling(ctx, { ...(await this.pages.edition(edition, q.status, ctx.lang)), flash: flashText(ctx.lang, q.flash) }));
  }

  @Get(':edition/invoices.csv')
  async csv(@Res() res: Response, @Param('edition') edition: string): Promise<void> {
    checked(edition);
    const csv = await this.pages.csv(edition);
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="invoices-${edition}.csv"`);
    res.type('text/csv; charset=utf-8').send(csv);
  }

  @Post(':edition/issue')
  async issue(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('edition') edition: string, @Body() form: IssueForm): Promise<void> {
    checked(edition);
    const invoice = await this.pages.issue(principal, edition, (form.application ?? '').trim());
    redirectTo(res, `${BILLING_PAGE}/${edition}/invoices/${invoice.invoice.id}?flash=issued`);
  }

  @Get(':edition/invoices/:id')
  async invoice(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('id', uuid) id: string, @Query() q: BillingQuery): Promise<void> {
    checked(edition);
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const data = await this.pages.consoleInvoice(edition, id, ctx.lang);
    const values: PaymentFormValues = { kind: 'payment', amountKrw: '', receivedOn: seoulDay(new Date()), payerName: '', providerReference: '' };
    sendPage(res, 200, renderInvoiceConsole(ctx, { code: edition, ...data, values, errors: {}, flash: flashText(ctx.lang, q.flash) }));
  }

  @Get(':edition/invoices/:id/pdf')
  async pdf(@Res() res: Response, @Param('edition') edition: string, @Param('id', uuid) id: string): Promise<void> {
    checked(edition);
    const { number, pdf } = await this.pages.consolePdf(edition, id);
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `inline; filename="${number}.pdf"`);
    res.type('application/pdf').send(pdf);
  }

  @Post(':edition/invoices/:id/payments')
  async pay(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal,
    @Param('edition') edition: string, @Param('id', uuid) id: string, @Body() form: PaymentForm,
  ): Promise<void> {
    checked(edition);
    const ctx = this.ctx(req);
    const values: PaymentFormValues = {
      kind: form.kind ?? 'payment', amountKrw: form.amountKrw ?? '', receivedOn: form.receivedOn ?? '', payerName: form.payerName ?? '', providerReference: form.providerReference ?? '',
    };
    // A form posted twice (double click, back and resubmit) carries the same values and the same token: one payment.
    const formKey = `form-${createHash('sha256').update(JSON.stringify([form._csrf ?? '', values])).digest('hex').slice(0, 32)}`;
    const answer = await this.pages.recordFromForm(principal, edition, id, values, formKey, ctx.lang);
    if (answer.ok) return redirectTo(res, `${BILLING_PAGE}/${edition}/invoices/${id}?flash=${answer.outcome.replayed ? 'duplicate' : 'recorded'}`);
    const data = await this.pages.consoleInvoice(edition, id, ctx.lang);
    sendPage(res, 400, renderInvoiceConsole(ctx, { code: edition, ...data, values, errors: answer.errors, message: answer.message, flash: undefined }));
  }

  private ctx(req: AuthenticatedRequest): ConsoleContext {
    return pageContext(req, this.config, withLang(req));
  }
}
