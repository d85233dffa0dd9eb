import { IsCalendarDay } from '../../../../core/http/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsMailAddress } from '../../../../core/http/validators';
import type { CompanyBillingProfile } from '../../entities/company-billing-profile.entity';
import type { InvoicePayment } from '../../entities/invoice-payment.entity';
import type { InvoiceWithStatus, PaymentOutcome } from '../billing.service';
import { INVOICE_STATUSES, type InvoiceStatus } from '../domain/invoice-status';


export class BillingProfileDto {
  @ApiProperty({ example: '빛고을정밀(주)', maxLength: 200, description: '상호 / legal name' })
  @IsString() @MinLength(1) @MaxLength(200) legalName: string;

  @ApiPropertyOptional({ example: '김민준', maxLength: 100, nullable: true, type: String, description: '대표자 성명 (required for Korean companies)' })
  @IsOptional() @IsString() @MaxLength(100) representative?: string | null;

  @ApiProperty({ example: '광주광역시 광산구 하남산단6번로 107', maxLength: 300, description: '사업장 주소 / invoicing address' })
  @IsString() @MinLength(1) @MaxLength(300) address: string;

  @ApiPropertyOptional({ example: '제조업', maxLength: 100, nullable: true, type: String, description: '업태 (Korean companies)' })
  @IsOptional() @IsString() @MaxLength(100) businessType?: string | null;

  @ApiPropertyOptional({ example: '자동차 부품', maxLength: 100, nullable: true, type: String, description: '종목 (Korean companies)' })
  @IsOptional() @IsString() @MaxLength(100) businessItem?: string | null;

  @ApiPropertyOptional({ example: 'DE123456789', maxLength: 40, nullable: true, type: String, description: 'Tax / VAT id (foreign companies)' })
  @IsOptional() @IsString() @MaxLength(40) taxId?: string | null;

  @ApiProperty({ example: 'tax@bitgoeul-precision.example', maxLength: 254, description: '세금계산서 수신 이메일 / invoice email' })
  @IsMailAddress() invoiceEmail: string;
}

export class BillingProfileResponse {
  @ApiProperty() legalName: string;
  @ApiProperty({ nullable: true, type: String }) representative: string | null;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) businessType: string | null;
  @ApiProperty({ nullable: true, type: String }) businessItem: string | null;
  @ApiProperty({ nullable: true, type: String }) taxId: string | null;
  @ApiProperty() invoiceEmail: string;
}

export function toProfileResponse(p: CompanyBillingProfile): BillingProfileResponse {
  return { legalName: p.legalName, representative: p.representative, address: p.address, businessType: p.businessType, businessItem: p.businessItem, taxId: p.taxId, invoiceEmail: p.invoiceEmail };
}

export class IssueInvoiceDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') applicationId: string;
}

export class RecordPaymentDto {
  @ApiProperty({ enum: ['payment', 'refund'] }) @IsIn(['payment', 'refund']) kind: 'payment' | 'refund';
  @ApiPropertyOptional({ enum: ['bank_transfer', 'card', 'other'], default: 'bank_transfer' })
  @IsOptional() @IsIn(['bank_transfer', 'card', 'other']) method?: 'bank_transfer' | 'card' | 'other';
  @ApiPropertyOptional({ example: 858_000, description: 'Whole won; for a refund, absent = what the terms give back' })
  @IsOptional() @IsInt() @Min(1) @Max(2_000_000_000) amountKrw?: number;
  @ApiProperty({ example: '2027-01-10', description: 'The Seoul day the money arrived (or left)' })
  @IsCalendarDay('receivedOn must be a date such as 2027-01-10') receivedOn: string;
  @ApiProperty({ example: '빛고을정밀', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) payerName: string;
  @ApiPropertyOptional({ example: 'bank', maxLength: 40, description: "Who reports the money: 'bank' for a statement line, a payment provider's name later" })
  @IsOptional() @IsString() @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'provider must be a short lowercase name such as bank' }) provider?: string;
  @ApiPropertyOptional({ example: '20270110-000123', maxLength: 100, description: 'The transaction reference; recording the same one twice adds nothing' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) providerReference?: string;
}

export class InvoiceListQuery {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES }) @IsOptional() @IsIn(INVOICE_STATUSES as InvoiceStatus[]) status?: InvoiceStatus;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['payment', 'refund'] }) kind: string;
  @ApiProperty({ enum: ['bank_transfer', 'card', 'other'] }) method: string;
  @ApiProperty({ nullable: true, type: String }) provider: string | null;
  @ApiProperty({ nullable: true, type: String }) providerReference: string | null;
  @ApiProperty() amountKrw: number;
  @ApiProperty({ example: '2027-01-10' }) receivedOn: string;
  @ApiProperty() payerName: string;
}

export class InvoiceLineResponse {
  @ApiProperty() code: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitKrw: number;
  @ApiProperty() amountKrw: number;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GC2027-0001' }) number: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ enum: ['ko', 'en'] }) locale: string;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines: InvoiceLineResponse[];
  @ApiProperty() netKrw: number;
  @ApiProperty() vatKrw: number;
  @ApiProperty() totalKrw: number;
  @ApiProperty() depositKrw: number;
  @ApiProperty({ example: '2027-01-15' }) depositDueOn: string;
  @ApiProperty({ example: '2027-03-29' }) balanceDueOn: string;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: InvoiceStatus;
  @ApiProperty() paidKrw: number;
  @ApiProperty() refundedKrw: number;
  @ApiProperty() outstandingKrw: number;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ type: [PaymentResponse] }) payments: PaymentResponse[];
}

export class PaymentOutcomeResponse {
  @ApiProperty({ type: PaymentResponse }) payment: PaymentResponse;
  @ApiProperty({ type: InvoiceResponse }) invoice: InvoiceResponse;
  @ApiProperty({ description: 'True when this Idempotency-Key or reference had already recorded the payment: nothing was added' }) replayed: boolean;
}

export function toPaymentResponse(p: InvoicePayment): PaymentResponse {
  return { id: p.id, kind: p.kind, method: p.method, provider: p.provider, providerReference: p.providerReference, amountKrw: p.amountKrw, receivedOn: p.receivedOn, payerName: p.payerName };
}

export function toInvoiceResponse(i: InvoiceWithStatus): InvoiceResponse {
  const v = i.invoice;
  return {
    id: v.id, number: v.number, applicationId: v.applicationId, companyName: v.buyer.name, locale: v.locale, lines: v.lines,
    netKrw: v.netKrw, vatKrw: v.vatKrw, totalKrw: v.totalKrw, depositKrw: v.depositKrw, depositDueOn: v.depositDueOn, balanceDueOn: v.balanceDueOn,
    status: i.status.status, paidKrw: i.status.paidKrw, refundedKrw: i.status.refundedKrw, outstandingKrw: i.status.outstandingKrw,
    issuedAt: v.issuedAt.toISOString(), payments: i.payments.map(toPaymentResponse),
  };
}

export function toPaymentOutcomeResponse(o: PaymentOutcome): PaymentOutcomeResponse {
  return { payment: toPaymentResponse(o.payment), invoice: toInvoiceResponse(o.invoice), replayed: o.replayed };
}
