import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ExhibitorsDirectoryRepository } from './exhibitors-directory.repository';

/** An approved exhibitor as visitors see it in the edition's list. */
export interface ApprovedExhibitorRow {
  applicationId: string;
  companyName: string;
  country: string;
  categories: string[];
  /** The hall's space code. */
  hall: string | null;
  /** Assigned booth codes, sorted. */
  booths: string[];
}

/** Where an approved exhibitor stands: its hall's names and booth codes. */
export interface ExhibitorBoothsRow {
  applicationId: string;
  companyName: string;
  hallKo: string | null;
  hallEn: string | null;
  /** Assigned booth codes, sorted. */
  booths: string[];
  categories: string[];
}

/** One of a company's applications (any status), with what the meetings' opt-in form starts from. */
export interface CompanyApplicationRow {
  applicationId: string;
  editionId: string;
  status: string;
  companyName: string;
  country: string;
  contactName: string;
  contactEmail: string;
  categories: string[];
  locale: 'ko' | 'en';
}

/** How many applications of an edition are in one status. */
export interface StatusCountRow {
  status: string;
  count: number;
}

/** An exhibition hall of the edition: its names and how many of its 9 m² booth units are sold. */
export interface HallSalesRow {
  hallCode: string;
  hallKo: string;
  hallEn: string;
  /** Capacity in 9 m² booth units. */
  unitsCapacity: number;
  /** Units held by approved applications. */
  unitsTaken: number;
}

/**
 * The exhibitors area's read API for the floors above (attendees): plain read models, scoped by
 * edition (or company). Each method runs one query; those a caller may need inside its transaction
 * take its EntityManager (default: the data source's), so they read in the caller's snapshot.
 */
@Injectable()
export class ExhibitorsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exhibitors: ExhibitorsDirectoryRepository,
  ) {}

  /** Approved exhibitors of the edition, by company name, filtered by product category, name part, or application ids. */
  approvedExhibitors(editionId: string, filter: { category?: string; q?: string; applicationIds?: string[] } = {}): Promise<ApprovedExhibitorRow[]> {
    return this.exhibitors.approvedExhibitors(this.dataSource.manager, editionId, filter);
  }

  /** Hall and booths of the approved applications among `applicationIds` (others are left out), by company name; no query for none. */
  async boothsOfApplications(editionId: string, applicationIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ExhibitorBoothsRow[]> {
    if (applicationIds.length === 0) return [];
    return this.exhibitors.boothsOfApplications(manager, editionId, applicationIds);
  }

  /** Whether the application is an approved exhibitor of the edition. */
  isApprovedExhibitor(editionId: string, applicationId: string): Promise<boolean> {
    return this.exhibitors.isApproved(this.dataSource.manager, editionId, applicationId);
  }

  /** The company an exhibitor account belongs to. */
  companyOfAccount(accountId: string): Promise<string | undefined> {
    return this.exhibitors.companyOfAccount(this.dataSource.manager, accountId);
  }

  /** Whether the company has an approved application for the edition. */
  companyExhibitsAt(companyId: string, editionId: string): Promise<boolean> {
    return this.exhibitors.companyExhibitsAt(this.dataSource.manager, companyId, editionId);
  }

  /** The company's applications of every edition and status (drafts and withdrawn ones too), newest first. */
  applicationsOfCompany(companyId: string): Promise<CompanyApplicationRow[]> {
    return this.exhibitors.applicationsOfCompany(this.dataSource.manager, companyId);
  }

  /** Applications of the edition per status (statuses with none are left out). */
  applicationCounts(editionId: string): Promise<StatusCountRow[]> {
    return this.exhibitors.applicationCounts(this.dataSource.manager, editionId);
  }

  /** The edition's exhibition halls with their names and sold booth units, by English name. */
  hallSales(editionId: string): Promise<HallSalesRow[]> {
    return this.exhibitors.hallSales(this.dataSource.manager, editionId);
  }
}
