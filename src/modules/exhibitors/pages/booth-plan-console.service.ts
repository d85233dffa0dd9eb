import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { decisionRefusal, type DecisionRefusal, type ReviewerAccess } from '../applications/application-review.service';
import { BoothsService, type AutoAssignPreview, type BoothPlanData } from '../booths/booths.service';
import type { BoothResponse } from '../dto/booth.dto';
import { ReviewConsoleService, type EditionChoice } from './review-console.service';

type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: DecisionRefusal };

/** Runs a change; a refusal the page can explain comes back as data, anything else is thrown. */
async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === ErrorCode.NotFound) throw error;
    return { ok: false, refusal: decisionRefusal(error) };
  }
}

/** What the organizers' booth pages load and change, one call per page. */
@Injectable()
export class BoothPlanConsoleService {
  constructor(
    private readonly booths: BoothsService,
    private readonly review: ReviewConsoleService,
  ) {}

  /** The editions whose booth plan the viewer may see (booths are the reviewers' section). */
  editions(viewer: ReviewerAccess): Promise<EditionChoice[]> {
    return this.review.reviewableEditions(viewer);
  }

  plan(edition: string): Promise<BoothPlanData> {
    return this.booths.planOf(edition);
  }

  /** The plan and one booth of it; 404 when the edition has no such booth. */
  async booth(edition: string, code: string): Promise<{ plan: BoothPlanData; booth: BoothResponse }> {
    const plan = await this.booths.planOf(edition);
    const booth = plan.booths.find((b) => b.code === code);
    if (!booth) throw new DomainError(ErrorCode.NotFound, `No booth ${code} in this edition.`);
    return { plan, booth };
  }

  assign(principal: Principal, edition: string, booth: string, applicationId: string): Promise<Outcome<{ companyName: string; complete: boolean }>> {
    return attempt(() => this.booths.assignBooth(principal, edition, booth, applicationId));
  }

  release(principal: Principal, edition: string, booth: string): Promise<Outcome<{ companyName: string }>> {
    return attempt(() => this.booths.releaseBooth(principal, edition, booth));
  }

  async preview(edition: string): Promise<{ plan: BoothPlanData; preview: AutoAssignPreview }> {
    const preview = await this.booths.previewAutoAssign(edition);
    return { plan: await this.booths.planOf(edition), preview };
  }

  commit(principal: Principal, edition: string, version: string): Promise<Outcome<AutoAssignPreview>> {
    return attempt(() => this.booths.commitAutoAssign(principal, edition, version));
  }
}
