import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { buildResultsReport, type ResultsReport } from './domain/results-report';
import { MeetingsDirectoryRepository } from './meetings-directory.repository';

/** A published export meeting as the floors above see it: when, at which table, with whom. */
export interface ParticipantMeetingRow {
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  tableCode: string;
  /** The company on the other side of the table. */
  counterpart: string;
}

/** How many requests or meetings of an edition are in one status. */
export interface MeetingStatusCountRow {
  status: string;
  count: number;
}

/** An edition's export-meeting results in brief, for the dashboard (the full report is /console/meetings/:code/results). */
export interface MeetingResultsRow {
  held: number;
  noShows: number;
  notRecorded: number;
  /** no-shows / (held + no-shows), or null when nothing is recorded. */
  noShowRate: number | null;
  /** Sums in US cents, counted as the report counts them (the buyer's figure, else the exhibitor's). */
  consultationCents: number;
  expectedContractCents: number;
  surveysSent: number;
  surveysAnswered: number;
}

/**
 * The meetings area's read API for the floors above (attendees): plain read models, scoped by
 * edition. Each method takes the caller's EntityManager, so a caller reading inside its
 * transaction reads in the same snapshot (one query per call: safe on a transaction's connection).
 */
@Injectable()
export class MeetingsDirectory {
  constructor(
    private readonly meetings: MeetingsDirectoryRepository,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The published meetings of the edition's export-meeting participant (buyer or exhibitor) with
   * this address, in time order. `email` is compared with the participant's address lower-cased:
   * pass it lower-cased.
   */
  publishedMeetingsOf(manager: EntityManager, editionId: string, email: string): Promise<ParticipantMeetingRow[]> {
    return this.meetings.publishedMeetingsOfEmail(manager, editionId, email);
  }

  /** Meeting requests of the edition per status (statuses with none are left out). */
  requestCounts(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingStatusCountRow[]> {
    return this.meetings.requestCounts(manager, editionId);
  }

  /** Meetings of the edition per status (scheduled, published, cancelled; none left out). */
  meetingCounts(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingStatusCountRow[]> {
    return this.meetings.meetingCounts(manager, editionId);
  }

  /** The edition's results in brief: held meetings, no-shows, amounts, survey answers. */
  async meetingResults(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingResultsRow> {
    const r = await this.results(editionId, manager);
    return {
      held: r.totals.held, noShows: r.totals.noShows, notRecorded: r.totals.notRecorded, noShowRate: r.totals.noShowRate,
      consultationCents: r.totals.consultationCents, expectedContractCents: r.totals.expectedContractCents,
      surveysSent: r.surveys.sent, surveysAnswered: r.surveys.answered,
    };
  }

  /** The edition's full results report (domain/results-report), for the meetings area's own report page. */
  async results(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultsReport> {
    const meetings = await this.meetings.reportMeetings(manager, editionId);
    const surveys = await this.meetings.reportSurveys(manager, editionId);
    return buildResultsReport(meetings, surveys);
  }
}
