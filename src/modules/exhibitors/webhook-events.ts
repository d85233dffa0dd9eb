import { defineWebhookEvent, type WebhookEventType } from '../../core/webhooks/webhook-event-type';
import type { ApplicationStatus, ExhibitorApplication } from './entities/exhibitor-application.entity';

/**
 * The exhibitors' webhook events and their `data` (snake_case, ids and what a CRM or accounting
 * system needs: never a password, token or secret). Receivers read docs/webhooks.md.
 */
export interface ApplicationWebhookData {
  application_id: string;
  status: ApplicationStatus;
  company_id: string | null;
  company_name: string;
  /** The Korean 사업자등록번호 (Korean companies); null for a foreign company, which has company_identifier. */
  business_registration_number: string | null;
  /** kr-brn, eu-vat, gb-vat, register, tax or other. */
  company_identifier_kind: string;
  /** The company's identifier of that kind (for kr-brn the 사업자등록번호 again). */
  company_identifier: string;
  /** The company's name in its other script (Hangul or Latin), if it gave one. */
  company_alternate_name: string | null;
  company_country: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  booth_type: string;
  booth_count: number;
  hall_id: string | null;
  product_categories: string[];
  fee_net_krw: number | null;
  fee_vat_krw: number | null;
  fee_total_krw: number | null;
  submitted_at: string | null;
  decided_at: string | null;
}

export const applicationSubmittedEvent = defineWebhookEvent<ApplicationWebhookData>({
  type: 'application.submitted', labels: { ko: '참가 신청 접수', en: 'Application submitted' }, scopeKey: 'edition',
});

export const applicationApprovedEvent = defineWebhookEvent<ApplicationWebhookData>({
  type: 'application.approved', labels: { ko: '참가 신청 승인', en: 'Application approved' }, scopeKey: 'edition',
});

/**
 * A payment recorded by the organizer against an invoice (billing emits it in the transaction
 * that records the payment). Amounts in won; a refund is a negative amount.
 */
export interface PaymentWebhookData {
  payment_id: string;
  invoice_id: string;
  invoice_number: string;
  application_id: string;
  company_id: string | null;
  company_name: string;
  /** `bank_transfer` today; a payment provider adds its own. */
  method: string;
  amount_krw: number;
  received_on: string;
  /** What remains to be paid on the invoice after this payment. */
  outstanding_krw: number;
  invoice_status: string;
}

export const paymentRecordedEvent = defineWebhookEvent<PaymentWebhookData>({
  type: 'payment.recorded', labels: { ko: '입금 기록', en: 'Payment recorded' }, scopeKey: 'edition',
});

export const EXHIBITOR_WEBHOOK_EVENTS: ReadonlyArray<WebhookEventType<object>> = [applicationSubmittedEvent, applicationApprovedEvent, paymentRecordedEvent];

/** The event a move into `status` announces, if any. */
export function applicationWebhookEvent(status: ApplicationStatus): WebhookEventType<ApplicationWebhookData> | null {
  return status === 'submitted' ? applicationSubmittedEvent : status === 'approved' ? applicationApprovedEvent : null;
}

/** What the payload reads of an application (a row, or the fields of one about to be written). */
export type ApplicationWebhookSource = Pick<
  ExhibitorApplication,
  | 'id' | 'status' | 'companyId' | 'companyName' | 'businessRegistrationNumber' | 'companyCountry' | 'contactName' | 'contactEmail' | 'contactPhone'
  | 'boothType' | 'boothCount' | 'hallId' | 'productCategories' | 'feeNetKrw' | 'feeVatKrw' | 'feeTotalKrw' | 'submittedAt' | 'decidedAt'
  | 'companyAlternateName' | 'companyIdentifierKind' | 'companyIdentifier'
>;

export function applicationWebhookData(a: ApplicationWebhookSource): ApplicationWebhookData {
  return {
    application_id: a.id, status: a.status, company_id: a.companyId, company_name: a.companyName,
    business_registration_number: a.businessRegistrationNumber || null, company_identifier_kind: a.companyIdentifierKind,
    company_identifier: a.companyIdentifier ?? a.businessRegistrationNumber ?? '', company_alternate_name: a.companyAlternateName, company_country: a.companyCountry,
    contact_name: a.contactName, contact_email: a.contactEmail, contact_phone: a.contactPhone,
    booth_type: a.boothType, booth_count: a.boothCount, hall_id: a.hallId, product_categories: a.productCategories,
    fee_net_krw: a.feeNetKrw, fee_vat_krw: a.feeVatKrw, fee_total_krw: a.feeTotalKrw,
    submitted_at: a.submittedAt?.toISOString() ?? null, decided_at: a.decidedAt?.toISOString() ?? null,
  };
}
