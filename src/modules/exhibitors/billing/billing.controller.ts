import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';
import { DomainError } from '../../../core/errors/domain-error';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import { CompaniesService } from '../companies/companies.service';
import { BillingService } from './billing.service';
import {
  BillingProfileDto, BillingProfileResponse, InvoiceListQuery, InvoiceResponse, IssueInvoiceDto, PaymentOutcomeResponse, RecordPaymentDto,
  toInvoiceResponse, toPaymentOutcomeResponse, toProfileResponse,
} from './dto/billing.dto';

const uuid = new ParseUUIDPipe({ version: '4' });
const KEY = /^[\x21-\x7e]{1,200}$/;

/** An Idempotency-Key as stored on the payment: printable ASCII, at most 200 characters. */
function idempotencyKey(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!KEY.test(value)) throw DomainError.validation([{ field: 'Idempotency-Key', messages: ['use 1 to 200 printable ASCII characters'] }]);
  return value;
}

/** The organizers' invoices of an edition: list, issue, record payments and refunds. Billing is the edition admin's. */
@ApiTags('billing')
@ApiBearerAuth()
@Roles('organizer')
@StaffRoles('admin')
@ApiErrors(401, 403, 404)
@Controller('editions/:edition/invoices')
export class EditionInvoicesController {
  constructor(private readonly billing: BillingService) {}

  @Get()
  @ApiOperation({ summary: 'The invoices of an edition with their payment status (filter by status)' })
  @ApiOkResponse({ type: [InvoiceResponse] })
  @ApiErrors(400)
  async list(@Param('edition') edition: string, @Query() q: InvoiceListQuery): Promise<InvoiceResponse[]> {
    return (await this.billing.invoicesOfEdition(edition, q.status)).invoices.map(toInvoiceResponse);
  }

  @Post()
  @ApiOperation({ summary: 'Issue the invoice of an approved application (numbered per edition without gaps)' })
  @ApiCreatedResponse({ type: InvoiceResponse })
  @ApiErrors(400, 409)
  async issue(@CurrentPrincipal() p: Principal, @Param('edition') edition: string, @Body() body: IssueInvoiceDto): Promise<InvoiceResponse> {
    return toInvoiceResponse(await this.billing.issueInvoice(p, edition, body.applicationId));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One invoice with its payments' })
  @ApiOkResponse({ type: InvoiceResponse })
  async get(@Param('edition') edition: string, @Param('id', uuid) id: string): Promise<InvoiceResponse> {
    return toInvoiceResponse(await this.billing.invoiceOfEdition(edition, id));
  }

  @Post(':id/payments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record money received (bank transfer, partial) or a refund after a cancellation' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key (per invoice) never records a payment twice' })
  @ApiCreatedResponse({ type: PaymentOutcomeResponse })
  @ApiErrors(400, 409, 422)
  async pay(
    @CurrentPrincipal() p: Principal, @Param('edition') edition: string, @Param('id', uuid) id: string, @Body() body: RecordPaymentDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<PaymentOutcomeResponse> {
    const outcome = await this.billing.recordPayment(p, edition, id, { ...body, method: body.method ?? 'bank_transfer' }, idempotencyKey(key));
    return toPaymentOutcomeResponse(outcome);
  }
}

/** The caller's company: its tax details for invoices, and its invoices. */
@ApiTags('exhibitor company')
@ApiBearerAuth()
@Roles('exhibitor')
@ApiErrors(401, 403)
@Controller('company')
export class CompanyBillingController {
  constructor(
    private readonly billing: BillingService,
    private readonly companies: CompaniesService,
  ) {}

  @Get('billing-profile')
  @ApiOperation({ summary: 'The company’s tax details for invoices (null until given)' })
  @ApiOkResponse({ type: BillingProfileResponse })
  async profile(@CurrentPrincipal() p: Principal): Promise<BillingProfileResponse | null> {
    const profile = await this.billing.profile(await this.companies.companyIdOf(p));
    return profile ? toProfileResponse(profile) : null;
  }

  @Put('billing-profile')
  @ApiOperation({ summary: 'Set the company’s tax details (Korean companies: 대표자, 업태, 종목; others: tax/VAT id)' })
  @ApiOkResponse({ type: BillingProfileResponse })
  @ApiErrors(400)
  async saveProfile(@CurrentPrincipal() p: Principal, @Body() body: BillingProfileDto): Promise<BillingProfileResponse> {
    return toProfileResponse(await this.billing.saveProfile(await this.companies.companyIdOf(p), body));
  }

  @Get('invoices')
  @ApiOperation({ summary: 'The company’s invoices with their payment status' })
  @ApiOkResponse({ type: [InvoiceResponse] })
  async invoices(@CurrentPrincipal() p: Principal): Promise<InvoiceResponse[]> {
    return (await this.billing.invoicesOfCompany(await this.companies.companyIdOf(p))).map(toInvoiceResponse);
  }

  @Get('invoices/:id')
  @ApiOperation({ summary: 'One of the company’s invoices with its payments' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiErrors(404)
  async invoice(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<InvoiceResponse> {
    return toInvoiceResponse(await this.billing.invoiceOfCompany(await this.companies.companyIdOf(p), id));
  }
}
