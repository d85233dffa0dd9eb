import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { AppConfig } from '../../../core/config/app-config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries, type ProductCategory } from '../../fairs/product-categories';
import { CreateParticipantDto, type ParticipantResponse, type RequestResponse } from '../dto/meetings.dto';
import { MeetingDayService, type GridDay } from '../meeting-day.service';
import { MeetingsRepository } from '../meetings.repository';
import { effectiveStatus, MeetingsService, toRequestResponse } from '../meetings.service';
import { SchedulingService } from '../scheduling.service';
import { toConsoleMeetings, type MeetingsPageModel } from './meetings-console.view';
import { splitList, type RunSnapshot, type SlotRef } from './meetings-console.view-model';

/*
 * The read side of the export-meeting console pages: each page's model in one call, so the page
 * controllers stay thin (route, bind, one call, render). Writes go to the area's services.
 */

export interface EditionRef {
  code: string;
  nameKo: string;
  nameEn: string;
}

export interface EditionListItem extends EditionRef {
  startsOn: string;
  endsOn: string;
}

export interface OverviewModel {
  edition: EditionRef;
  counts: { buyers: number; exhibitors: number; requests: number; pending: number; accepted: number; meetings: number; published: number; tables: number; slots: number };
  frozen: boolean;
  lastRun: { id: string; status: RunSnapshot['status'] } | null;
}

export interface ParticipantsModel {
  edition: EditionRef;
  slots: SlotRef[];
  tables: string[];
  categories: ProductCategory[];
  participants: ParticipantResponse[];
  /** Ids of the exhibitors who joined from their own account (not added by the organizer). */
  selfRegistered: string[];
}

export interface ParticipantModel {
  edition: EditionRef;
  slots: SlotRef[];
  participant: ParticipantResponse;
}

export interface ConsoleRequest extends RequestResponse {
  buyerName: string;
  exhibitorName: string;
}

export interface RequestsModel {
  edition: EditionRef;
  slots: SlotRef[];
  tables: string[];
  buyers: Array<{ id: string; name: string }>;
  exhibitors: Array<{ id: string; name: string }>;
  requests: ConsoleRequest[];
}

export interface RequestFilters {
  status?: string;
  buyer?: string;
  exhibitor?: string;
}

export interface RunModel {
  edition: EditionRef;
  slots: SlotRef[];
  frozen: boolean;
  run: RunSnapshot | null;
  /** "Buyer × Exhibitor" by request id, for the unscheduled list. */
  requestNames: Record<string, { buyer: string; exhibitor: string }>;
}

export interface GridModel extends MeetingsPageModel {
  frozen: boolean;
  /** The fair day: outcomes, participants' cancellations and move requests, the overview per table. */
  day?: GridDay;
  /** Each table's host link (absolute URL) and its QR code as SVG, for the printed sheets. */
  hostLinks?: Record<string, { path: string; url: string; qrSvg: string }>;
}

/** The fields of the add-participant form, as typed. */
export interface ParticipantForm {
  side?: string;
  companyName?: string;
  alternateCompanyName?: string;
  country?: string;
  identifierKind?: string;
  identifier?: string;
  contactName?: string;
  email?: string;
  languages?: string;
  interests?: string | string[];
  tableCode?: string;
  maxMeetings?: string;
  locale?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ref = (e: FairEdition): EditionRef => ({ code: e.code, nameKo: editionNameOrCode(e, 'ko'), nameEn: editionNameOrCode(e, 'en') });

@Injectable()
export class MeetingsConsoleService {
  constructor(
    private readonly fairs: FairsService,
    private readonly meetingsService: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsRepository,
    private readonly day: MeetingDayService,
    private readonly config: AppConfig,
  ) {}

  /** Every public edition, and any edition (draft too) that has meeting participants, newest first. */
  async editions(): Promise<EditionListItem[]> {
    const [series, withParticipants] = await Promise.all([this.fairs.listFairs(), this.meetings.editionIdsWithParticipants()]);
    const codes = new Set(series.flatMap((s) => s.editions.map((e) => e.code)));
    for (const code of (await this.fairs.editionCodes(withParticipants)).values()) codes.add(code);
    const editions = await Promise.all([...codes].map((c) => this.fairs.getEdition(c)));
    return editions
      .map((e) => ({ ...ref(e), startsOn: e.startsOn, endsOn: e.endsOn }))
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.code.localeCompare(b.code));
  }

  /**
   * The overview of an edition named by its code, or by its id (a link from elsewhere may carry
   * either): `redirect` names the code's address when the id was given.
   */
  async overview(codeOrId: string): Promise<OverviewModel & { redirect?: string }> {
    if (UUID.test(codeOrId)) {
      const byId = await this.fairs.getEditionById(codeOrId);
      return { ...(await this.overview(byId.code)), redirect: byId.code };
    }
    const code = codeOrId;
    const edition = await this.meetingsService.edition(code);
    const [participants, requests, live, tables, slots, frozen, lastRun] = await Promise.all([
      this.meetings.participants(edition.id),
      this.meetings.requests(edition.id),
      this.meetings.liveMeetings(edition.id),
      this.meetings.tables(edition.id),
      this.meetingsService.slots(edition),
      this.meetings.isFrozen(edition.id),
      this.meetings.latestRun(edition.id),
    ]);
    const statuses = requests.map((r) => effectiveStatus(r));
    return {
      edition: ref(edition),
      counts: {
        buyers: participants.filter((p) => p.side === 'buyer').length,
        exhibitors: participants.filter((p) => p.side === 'exhibitor').length,
        requests: requests.length,
        pending: statuses.filter((s) => s === 'pending').length,
        accepted: statuses.filter((s) => s === 'accepted').length,
        meetings: live.length,
        published: live.filter((m) => m.status === 'published').length,
        tables: tables.length,
        slots: slots.length,
      },
      frozen,
      lastRun: lastRun ? { id: lastRun.id, status: lastRun.status } : null,
    };
  }

  async participants(code: string): Promise<ParticipantsModel> {
    const edition = await this.meetingsService.edition(code);
    const [slots, tables, participants, rows] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.tables(edition.id),
      this.meetingsService.listParticipants(code),
      this.meetings.participants(edition.id),
    ]);
    const selfRegistered = rows.filter((p) => p.companyId !== null).map((p) => p.id);
    return { edition: ref(edition), slots, tables: tables.map((t) => t.code), categories: categoriesOfSeries(edition.series?.code ?? ''), participants, selfRegistered };
  }

  async participant(code: string, id: string): Promise<ParticipantModel> {
    const edition = await this.meetingsService.edition(code);
    const [slots, p] = await Promise.all([this.meetingsService.slots(edition), this.meetings.participant(edition.id, id)]);
    if (!p) throw new DomainError(ErrorCode.NotFound, `No participant ${id} in ${code}.`);
    return { edition: ref(edition), slots, participant: (await this.meetingsService.listParticipants(code)).find((x) => x.id === id)! };
  }

  /** The add form, checked by the API's own DTO rules, then added (its private link mailed). */
  async addParticipant(code: string, form: ParticipantForm): Promise<ParticipantResponse> {
    const max = form.maxMeetings?.trim();
    const plain = {
      side: form.side,
      companyName: form.companyName ?? '',
      country: form.country?.trim() ?? '',
      alternateCompanyName: form.alternateCompanyName?.trim() || undefined,
      identifierKind: form.identifierKind || undefined,
      identifier: form.identifier?.trim() || undefined,
      contactName: form.contactName ?? '',
      email: form.email?.trim() ?? '',
      languages: splitList(form.languages),
      interests: (Array.isArray(form.interests) ? form.interests : form.interests ? [form.interests] : []).filter((v) => v !== ''),
      locale: form.locale || undefined,
      tableCode: form.tableCode || undefined,
      maxMeetings: max ? (/^\d{1,4}$/.test(max) ? Number(max) : -1) : undefined,
    };
    const dto = plainToInstance(CreateParticipantDto, plain);
    const problems = validateSync(dto, { whitelist: true, forbidNonWhitelisted: false });
    if (problems.length > 0) {
      throw DomainError.validation(problems.map((p) => ({ field: p.property, messages: Object.values(p.constraints ?? { invalid: 'invalid' }) })));
    }
    return this.meetingsService.addParticipant(code, dto);
  }

  async requests(code: string, filters: RequestFilters): Promise<RequestsModel> {
    const edition = await this.meetingsService.edition(code);
    const [slots, tables, participants, requests] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.tables(edition.id),
      this.meetings.participants(edition.id),
      this.meetings.requests(edition.id),
    ]);
    const name = new Map(participants.map((p) => [p.id, p.companyName]));
    const rows = requests
      .map((r) => ({ ...toRequestResponse(r), buyerName: name.get(r.buyerId) ?? '', exhibitorName: name.get(r.exhibitorId) ?? '' }))
      .filter((r) => (!filters.status || r.status === filters.status) && (!filters.buyer || r.buyer === filters.buyer) && (!filters.exhibitor || r.exhibitor === filters.exhibitor));
    const side = (s: 'buyer' | 'exhibitor') => participants.filter((p) => p.side === s).map((p) => ({ id: p.id, name: p.companyName }));
    return { edition: ref(edition), slots, tables: tables.map((t) => t.code), buyers: side('buyer'), exhibitors: side('exhibitor'), requests: rows };
  }

  /** The run page: the named run, or (no id) the latest one. */
  async run(code: string, id?: string): Promise<RunModel> {
    const edition = await this.meetingsService.edition(code);
    const [slots, frozen, run, participants, requests] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.isFrozen(edition.id),
      id ? this.meetings.run(edition.id, id) : this.meetings.latestRun(edition.id),
      this.meetings.participants(edition.id),
      this.meetings.requests(edition.id),
    ]);
    if (id && !run) throw new DomainError(ErrorCode.NotFound, `No schedule run ${id} in ${code}.`);
    const name = new Map(participants.map((p) => [p.id, p.companyName]));
    const requestNames = Object.fromEntries(requests.map((r) => [r.id, { buyer: name.get(r.buyerId) ?? '', exhibitor: name.get(r.exhibitorId) ?? '' }]));
    return {
      edition: ref(edition),
      slots,
      frozen,
      run: run ? { id: run.id, status: run.status, progress: run.progress, stats: run.stats, unscheduled: run.unscheduled } : null,
      requestNames,
    };
  }

  async grid(code: string): Promise<GridModel> {
    // An unknown edition throws NotFound here, which the filter shows as the console's 404 page.
    const edition = await this.meetingsService.edition(code);
    const [gathered, schedule, frozen] = await Promise.all([this.scheduling.gather(edition), this.scheduling.schedule(code), this.meetings.isFrozen(edition.id)]);
    const tables = gathered.tables.map((t) => t.code);
    const [day, hostLinks] = await Promise.all([
      this.day.gridDay(edition, tables),
      Promise.all(tables.map(async (table) => {
        const path = this.day.hostPath(edition, table);
        const url = `${this.config.publicUrl}${path}`;
        return [table, { path, url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) }] as const;
      })),
    ]);
    const country = new Map(gathered.participants.map((p) => [p.id, p.country]));
    const buyerOf = new Map(gathered.live.map((m) => [m.id, m.request?.buyerId]));
    return {
      edition: ref(edition),
      slots: gathered.slots,
      tables: gathered.tables.map((t) => t.code),
      meetings: toConsoleMeetings(schedule, gathered.interpreters, (id) => {
        const buyer = buyerOf.get(id);
        return buyer ? country.get(buyer) : undefined;
      }),
      frozen,
      day,
      hostLinks: Object.fromEntries(hostLinks),
    };
  }
}
