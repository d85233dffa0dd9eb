import { Injectable } from '@nestjs/common';
import { editionsOfMember, EditionScopes } from '../../../core/auth/edition-scopes';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries, type ProductCategory } from '../../fairs/product-categories';
import { ApplicationReviewService, decisionRefusal, type ReviewerAccess, type BulkDecisionRow, type DecisionRefusal, type OrganizerDecision } from '../applications/application-review.service';
import { UploadsService } from '../applications/uploads.service';
import { BoothsService, type ConsoleHall } from '../booths/booths.service';
import type { ApplicationListQuery, ApplicationListResponse, ApplicationResponse, StatusChangeResponse } from '../dto/application.dto';
import type { UploadKind } from '../entities/exhibitor-upload.entity';

export interface EditionChoice {
  code: string;
  fair: string;
  nameKo: string;
  nameEn: string;
  status: string;
  startsOn: string;
  endsOn: string;
}

export interface ReviewListData {
  editions: EditionChoice[];
  /** The chosen edition's halls (names) and its fair's categories; empty without an edition. */
  halls: ConsoleHall[];
  categories: ProductCategory[];
  list: ApplicationListResponse | null;
  /** Company names of a bulk result shown on this page. */
  companies: Map<string, string>;
}

export interface ReviewDetailData {
  application: ApplicationResponse;
  history: StatusChangeResponse[];
  halls: ConsoleHall[];
  edition: EditionChoice | undefined;
  categories: ProductCategory[];
}

/**
 * What the organizers' application pages load, one call per page: the page controller asks once,
 * this gathers from the review, the booths and the fairs.
 */
@Injectable()
export class ReviewConsoleService {
  constructor(
    private readonly review: ApplicationReviewService,
    private readonly booths: BoothsService,
    private readonly fairs: FairsService,
    private readonly uploads: UploadsService,
    private readonly scopes: EditionScopes,
  ) {}

  async editions(): Promise<EditionChoice[]> {
    const fairs = await this.fairs.listFairs();
    return fairs.flatMap((f) => f.editions.map((e) => ({
      code: e.code, fair: f.code, nameKo: `${e.year} ${f.nameKo}`, nameEn: `${e.year} ${f.nameEn}`, status: e.status, startsOn: e.startsOn, endsOn: e.endsOn,
    })));
  }

  /** The editions the viewer reviews in (an edition picker lists only those). */
  async reviewableEditions(viewer: ReviewerAccess): Promise<EditionChoice[]> {
    return editionsOfMember(this.scopes, viewer, ['reviewer'], await this.editions());
  }

  /** The list page: editions to choose from, and the chosen edition's page of applications. */
  async listPage(query: ApplicationListQuery | null, edition: string, outcomeIds: string[], viewer: ReviewerAccess): Promise<ReviewListData> {
    const editions = await this.reviewableEditions(viewer);
    const chosen = editions.find((e) => e.code === edition);
    const [halls, list, companies] = await Promise.all([
      chosen ? this.booths.hallsOf(chosen.code) : Promise.resolve([]),
      chosen && query ? this.review.list(query, viewer) : Promise.resolve(null),
      outcomeIds.length ? this.review.companyNames(outcomeIds) : Promise.resolve(new Map<string, string>()),
    ]);
    return { editions, halls, categories: chosen ? categoriesOfSeries(chosen.fair) : [], list, companies };
  }

  async detailPage(id: string): Promise<ReviewDetailData> {
    const application = await this.review.get(id);
    const editions = await this.editions();
    const edition = editions.find((e) => e.code === application.edition);
    const [history, halls] = await Promise.all([this.review.history(id), this.booths.hallsOf(application.edition)]);
    return { application, history, halls, edition, categories: edition ? categoriesOfSeries(edition.fair) : [] };
  }

  /** One decision; a refusal comes back as data for the page to put into words. */
  async decide(principal: Principal, id: string, action: OrganizerDecision, reason: string | null, hall: string | undefined): Promise<{ ok: true; application: ApplicationResponse } | { ok: false; refusal: DecisionRefusal }> {
    try {
      return { ok: true, application: await this.review.decide(principal, id, action, reason, hall) };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === ErrorCode.NotFound) throw error;
      return { ok: false, refusal: decisionRefusal(error) };
    }
  }

  bulk(principal: Principal, ids: string[], action: OrganizerDecision, reason: string | null): Promise<BulkDecisionRow[]> {
    return this.review.bulkDecide(principal, ids, action, reason);
  }

  upload(principal: Principal, id: string, kind: UploadKind): Promise<{ content: Buffer; contentType: string; fileName: string }> {
    return this.uploads.get(principal, id, kind);
  }
}
