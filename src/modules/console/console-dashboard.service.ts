import { Injectable } from '@nestjs/common';
import { editionsWhere, type StaffGrant } from '../../core/auth/staff-access';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE, toLocal } from '../../core/time/zoned-time';
import { AttendeesDirectory } from '../attendees/attendees-directory';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import { FairsDirectory } from '../fairs/fairs-directory';
import { MailConsoleService } from '../mail-console/mail-console.service';
import { MeetingsDirectory } from '../meetings/meetings-directory';
import { pickEdition, type DashboardData } from './dashboard.view-model';

/** The figures of the console's dashboard, each from the read API of the area that owns it. */
@Injectable()
export class ConsoleDashboardService {
  constructor(
    private readonly fairs: FairsDirectory,
    private readonly exhibitors: ExhibitorsDirectory,
    private readonly meetings: MeetingsDirectory,
    private readonly attendees: AttendeesDirectory,
    private readonly mail: MailConsoleService,
  ) {}

  /**
   * The dashboard of the edition asked for (404 when unknown), or of the current or next one among
   * the editions the viewer has a team role in (the picker lists only those).
   */
  async dashboard(editionCode: string | undefined, viewer: { orgAdmin: boolean; grants: readonly StaffGrant[] }, now = new Date()): Promise<DashboardData> {
    const mine = editionsWhere(viewer, ['reviewer', 'venue', 'meetings', 'onsite']);
    const editions = (await this.fairs.editions({ includeDrafts: true })).filter((e) => mine === 'all' || mine.has(e.id));
    const today = toLocal(now, DEFAULT_TIME_ZONE).date;
    const edition = editionCode ? editions.find((e) => e.code === editionCode) : pickEdition(editions, today);
    if (editionCode && !edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${editionCode}".`);
    if (!edition) return { editions, today, failedMails: await this.mail.failedCount() };
    const [applications, halls, visitorsPerDay, attendeeKinds, requests, meetings, failedMails, checkIns] = await Promise.all([
      this.exhibitors.applicationCounts(edition.id),
      this.exhibitors.hallSales(edition.id),
      this.attendees.visitorsPerDay(edition.id),
      this.attendees.kindCounts(edition.id),
      this.meetings.requestCounts(edition.id),
      this.meetings.meetingCounts(edition.id),
      this.mail.failedCount(),
      this.attendees.checkInCounts(edition.id),
    ]);
    return { editions, today, failedMails, edition, figures: { applications, halls, visitorsPerDay, attendeeKinds, requests, meetings, checkIns } };
  }
}
