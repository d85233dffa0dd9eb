import { Injectable } from '@nestjs/common';
import type { Principal } from '../../core/auth/principal';
import { csvCell } from '../../core/csv/csv-cell';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import { FairsService } from '../fairs/fairs.service';
import { AttendeesRepository, type LeadRow } from './attendees.repository';
import { BADGE_CODE, normalizeBadgeCode } from './domain/attendee-tokens';
import type { LeadResponse, ScanBadgeDto } from './dto/lead.dto';

export const CONTACT_NOT_SHARED = '(contact not shared)';

function toLeadResponse(row: LeadRow, editionCode: string): LeadResponse {
  return {
    id: row.id,
    edition: editionCode,
    badgeCode: row.badgeCode,
    note: row.note,
    scannedAt: row.scannedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    contactShared: row.consentShareContact,
    // Without the visitor's consent the company learns nothing but the badge code it scanned.
    contact: row.consentShareContact ? { name: row.name, email: row.email, company: row.company, country: row.country, kind: row.kind } : null,
  };
}

/**
 * Badges scanned by exhibiting companies. Every read and write is scoped to the caller's company:
 * another company's lead is "not found", exactly like one that does not exist.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly fairs: FairsService,
    private readonly exhibitorsDirectory: ExhibitorsDirectory,
  ) {}

  async scan(principal: Principal, dto: ScanBadgeDto): Promise<{ lead: LeadResponse; created: boolean }> {
    const companyId = await this.companyOf(principal);
    const edition = await this.fairs.getPublicEdition(dto.editionCode);
    if (!(await this.exhibitorsDirectory.companyExhibitsAt(companyId, edition.id))) {
      throw new DomainError(ErrorCode.Forbidden, `Your company has no approved application for ${edition.code}.`);
    }
    const code = normalizeBadgeCode(dto.badgeCode);
    if (!BADGE_CODE.test(code)) throw DomainError.validation([{ field: 'badgeCode', messages: ['badgeCode must look like FG-XXXX-XXXX'] }]);
    const attendee = await this.attendees.findAttendeeByBadgeCode(edition.id, code);
    if (!attendee) throw new DomainError(ErrorCode.NotFound, `No visitor badge ${code} at ${edition.code}.`);
    const { id, created } = await this.attendees.recordLead({ companyId, editionId: edition.id, attendeeId: attendee.id, note: dto.note ?? '', accountId: principal.accountId });
    const row = await this.attendees.leadOfCompany(companyId, id);
    if (!row) throw new Error(`lead ${id} vanished`);
    return { lead: toLeadResponse(row, edition.code), created };
  }

  async list(principal: Principal, editionCode: string): Promise<LeadResponse[]> {
    const companyId = await this.companyOf(principal);
    const edition = await this.fairs.getPublicEdition(editionCode);
    return (await this.attendees.leadsOfCompany(companyId, edition.id)).map((r) => toLeadResponse(r, edition.code));
  }

  /** UTF-8 with BOM (Excel keeps Korean intact), CRLF lines, every cell formula-safe. */
  async csv(principal: Principal, editionCode: string): Promise<string> {
    const leads = await this.list(principal, editionCode);
    const header = ['scanned_at', 'badge_code', 'name', 'email', 'company', 'country', 'kind', 'note'];
    const lines = leads.map((l) => [
      l.scannedAt, l.badgeCode, l.contact?.name ?? CONTACT_NOT_SHARED, l.contact?.email ?? '', l.contact?.company ?? '', l.contact?.country ?? '', l.contact?.kind ?? '', l.note,
    ]);
    return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }

  async get(principal: Principal, leadId: string): Promise<LeadResponse> {
    const companyId = await this.companyOf(principal);
    const row = await this.attendees.leadOfCompany(companyId, leadId);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No lead ${leadId}.`);
    return toLeadResponse(row, (await this.fairs.getEditionById(row.editionId)).code);
  }

  async remove(principal: Principal, leadId: string): Promise<void> {
    const companyId = await this.companyOf(principal);
    if (!(await this.attendees.deleteLeadOfCompany(companyId, leadId))) throw new DomainError(ErrorCode.NotFound, `No lead ${leadId}.`);
  }

  private async companyOf(principal: Principal): Promise<string> {
    const companyId = await this.exhibitorsDirectory.companyOfAccount(principal.accountId);
    if (!companyId) throw new DomainError(ErrorCode.Forbidden, 'This account belongs to no company.');
    return companyId;
  }
}
