import { type MailLocale } from '../../../core/mail/mail-template';
import { editionName } from '../../fairs/domain/edition-name';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { EXHIBITOR_LINKS } from '../companies/exhibitor-links';
import type { ExhibitorApplication } from '../entities/exhibitor-application.entity';

/** The parameters every mail about an application starts with. */
export interface ApplicationMailHead {
  applicationId: string;
  companyName: string;
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  statusUrl: string;
}

/**
 * Who a mail about an application goes to, in which language, and the head of its parameters
 * (company, edition name, contact, the link to the application's page): one rule for the status
 * mails of the workflow and the booth assignment's.
 */
export function applicationMail(
  application: Pick<ExhibitorApplication, 'id' | 'companyName' | 'contactName' | 'contactEmail' | 'locale'>,
  edition: Pick<FairEdition, 'year' | 'series'>,
  publicUrl: string,
): { recipient: string; locale: MailLocale; head: ApplicationMailHead } {
  return {
    recipient: application.contactEmail,
    locale: application.locale,
    head: {
      applicationId: application.id,
      companyName: application.companyName,
      contactName: application.contactName,
      editionNameKo: editionName(edition, 'ko'),
      editionNameEn: editionName(edition, 'en'),
      statusUrl: `${publicUrl}${EXHIBITOR_LINKS.application(application.id)}`,
    },
  };
}

const REASON = {
  ko: (company: string) => `${company}의 참가 신청 담당자로 등록되어 있어 보내 드리는 안내 메일입니다.`,
  en: (company: string) => `You receive this email because you are the contact person of ${company}'s exhibitor application.`,
} satisfies Record<MailLocale, unknown>;

/** Why the reader gets an exhibitor mail, for the shared footer (core's htmlFrame and renderMail). */
export function exhibitorMailReason(locale: MailLocale, companyName: string): string {
  return REASON[locale](companyName);
}
