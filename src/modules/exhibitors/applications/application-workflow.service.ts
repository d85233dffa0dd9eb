import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TtlCache } from '../../../core/cache/ttl-cache';
import { AppConfig } from '../../../core/config/app-config';
import type { TransactionContext } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { WebhookEvents } from '../../../core/webhooks/webhook-events';
import { assertEditionOpen } from '../../fairs/domain/edition-guards';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { FairsService } from '../../fairs/fairs.service';
import { transition, REASON_REQUIRED, type Actor, type ApplicationAction } from '../domain/application-lifecycle';
import { computeFee, DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../domain/fees';
import type { EditionExhibitorTerms } from '../entities/edition-exhibitor-terms.entity';
import type { ApplicationStatus, ExhibitorApplication } from '../entities/exhibitor-application.entity';
import { ExhibitorApplicationsRepository, type AssignedBoothRow } from './exhibitor-applications.repository';
import { applicationMail } from '../mail/application-mail-head';
import { applicationStatusMail } from '../mail/application-status.mail';
import { BillingService } from '../billing/billing.service';
import { applicationWebhookData, applicationWebhookEvent } from '../webhook-events';

export interface ActorRef {
  role: Actor | 'anonymous';
  accountId: string | null;
}

export const SYSTEM: ActorRef = { role: 'system', accountId: null };

const TERMS_TTL_MS = 2000;

/**
 * The rules every status change goes through, whoever asks: the state machine, the history
 * row, the email to the company, and the hall capacity that approvals take and cancellations
 * give back (promoting the waitlist). Callers hold the application's row lock.
 */
@Injectable()
export class ApplicationWorkflow {
  private readonly terms = new TtlCache<string, EditionExhibitorTerms | null>(TERMS_TTL_MS);

  constructor(
    private readonly applications: ExhibitorApplicationsRepository,
    private readonly fairs: FairsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly billing: BillingService,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Moves the application, records who/when/why and emails the company; answers the new status. */
  async apply(
    tx: TransactionContext,
    application: ExhibitorApplication,
    action: ApplicationAction,
    actor: ActorRef,
    reason: string | null = null,
    options: { notify?: boolean } = {},
  ): Promise<ApplicationStatus> {
    const result = transition(application.status, action, actor.role === 'anonymous' ? 'exhibitor' : actor.role);
    if (!result.ok) throw new DomainError(ErrorCode.IllegalTransition, result.reason, { status: application.status, action });
    if (actor.role === 'organizer' && REASON_REQUIRED.has(action) && !reason) {
      throw DomainError.validation([{ field: 'reason', messages: [`a reason for the exhibitor is required to ${action.replace('_', ' ')}`] }]);
    }
    let to = result.to;
    const now = new Date();
    const changes: Partial<ExhibitorApplication> = { status: to, statusReason: reason };

    if (to === 'approved') {
      if (!(await this.takeCapacity(tx.manager, application))) {
        if (action === 'approve' && application.status !== 'waitlisted') {
          // A full hall turns an approval into a place on the waitlist, as the fair's rules say.
          to = 'waitlisted';
          Object.assign(changes, { status: to, waitlistedAt: now });
        } else {
          throw new DomainError(ErrorCode.Conflict, 'The hall has no room left for this application.', { status: application.status, action });
        }
      }
    }
    if (to === 'waitlisted' && changes.waitlistedAt === undefined) changes.waitlistedAt = now;
    if (to === 'submitted') changes.submittedAt = now;
    if (['approved', 'waitlisted', 'rejected'].includes(to)) changes.decidedAt = now;
    if (application.status === 'approved' && to === 'cancelled') {
      await this.applications.releaseBooths(tx.manager, application.id);
      if (application.hallId) await this.applications.releaseHallUnits(tx.manager, application.editionId, application.hallId, application.boothCount);
    }

    await this.applications.update(tx.manager, application.id, changes);
    await this.applications.recordChange(tx.manager, {
      applicationId: application.id, fromStatus: application.status, toStatus: to, action, actorAccountId: actor.accountId,
      actorRole: actor.role, reason,
    });
    const previous = application.status;
    Object.assign(application, changes);
    if (options.notify !== false) await this.notify(tx, application, previous, action === 'promote');
    // The quote goes with the approval (also a promotion from the waitlist), in the same transaction.
    if (to === 'approved' && previous !== 'approved') await this.billing.sendQuote(tx, application);
    const hook = applicationWebhookEvent(to);
    if (hook) await this.webhooks.emit(tx, hook, { scope: { id: application.editionId, code: (await this.fairs.getEditionById(application.editionId)).code }, data: applicationWebhookData(application) });

    if (previous === 'approved' && to === 'cancelled' && application.hallId) {
      await this.promoteWaitlist(tx, application.editionId, application.hallId);
    }
    return to;
  }

  /**
   * The one way into `submitted`, for the account route and the anonymous form alike: the
   * registration deadline, the fee as of submission, the state machine and the history row.
   * `notify: false` when the caller sends its own confirmation (the anonymous form does).
   */
  async submit(tx: TransactionContext, application: ExhibitorApplication, edition: FairEdition, actor: ActorRef, options: { notify?: boolean } = {}): Promise<void> {
    await this.assertBeforeDeadline(tx.manager, edition, 'submit');
    application.submittedAt = new Date();
    await this.refreshFee(tx.manager, application, []);
    await this.apply(tx, application, 'submit', actor, null, options);
  }

  /**
   * submit() for an application not stored yet (the anonymous form): the same deadline, state machine
   * (draft → submitted) and fee as of submission, answered as the columns to insert it with already
   * submitted. The caller writes both history rows ('create', then 'submit') with it.
   */
  async submittedOnCreation(
    manager: EntityManager, edition: FairEdition, application: Pick<ExhibitorApplication, 'editionId' | 'boothType' | 'boothCount'>,
  ): Promise<Pick<ExhibitorApplication, 'status' | 'submittedAt' | 'feeLines' | 'feeNetKrw' | 'feeVatKrw' | 'feeTotalKrw' | 'feeEarlyBird'>> {
    await this.assertBeforeDeadline(manager, edition, 'submit');
    const result = transition('draft', 'submit', 'exhibitor');
    if (!result.ok) throw new DomainError(ErrorCode.IllegalTransition, result.reason, { status: 'draft', action: 'submit' });
    const submittedAt = new Date();
    return { status: result.to, submittedAt, ...(await this.feeColumns(manager, { ...application, submittedAt }, [])) };
  }

  /**
   * Promotes waitlisted applications of a hall, in queue order, while the first that fits does.
   * The hall row is locked first, so two cancellations promoting at once take turns and the
   * second sees what the first took.
   */
  async promoteWaitlist(tx: TransactionContext, editionId: string, hallId: string): Promise<string[]> {
    const promoted: string[] = [];
    let remaining = await this.applications.lockHallRemaining(tx.manager, editionId, hallId);
    for (const candidate of await this.applications.waitlist(tx.manager, editionId, hallId)) {
      if (candidate.boothCount > remaining) continue;
      const locked = await this.applications.lockById(tx.manager, candidate.id);
      if (locked?.status !== 'waitlisted') continue;
      await this.apply(tx, locked, 'promote', SYSTEM, null);
      promoted.push(locked.id);
      remaining -= locked.boothCount;
    }
    return promoted;
  }

  /** The fee schedule of an edition: its terms, or the default tariff when none are set. */
  static feeSchedule(terms: EditionExhibitorTerms | null): FeeSchedule {
    if (!terms) return DEFAULT_FEE_SCHEDULE;
    return {
      pricePerBoothKrw: { raw_space: terms.priceRawSpaceKrw, shell_scheme: terms.priceShellSchemeKrw },
      cornerSurchargePct: terms.cornerSurchargePct,
      islandSurchargePct: terms.islandSurchargePct,
      earlyBirdDiscountPct: terms.earlyBirdDiscountPct,
      earlyBirdUntil: terms.earlyBirdUntil,
      vatPct: terms.vatPct,
    };
  }

  /** Recomputes and stores the fee from the assigned booths (or the request alone before assignment). */
  async refreshFee(manager: EntityManager, application: ExhibitorApplication, booths: AssignedBoothRow[]): Promise<void> {
    const changes = await this.feeColumns(manager, application, booths);
    await this.applications.update(manager, application.id, changes);
    Object.assign(application, changes);
  }

  /** The fee columns for an application (not stored): lets a new row be inserted with its fee in one statement. */
  async feeColumns(
    manager: EntityManager, application: Pick<ExhibitorApplication, 'editionId' | 'boothType' | 'boothCount' | 'submittedAt'>, booths: AssignedBoothRow[],
  ): Promise<Pick<ExhibitorApplication, 'feeLines' | 'feeNetKrw' | 'feeVatKrw' | 'feeTotalKrw' | 'feeEarlyBird'>> {
    const terms = await this.termsOf(manager, application.editionId);
    const quote = computeFee(ApplicationWorkflow.feeSchedule(terms), {
      boothType: application.boothType,
      boothCount: application.boothCount,
      booths: booths.length > 0 ? booths.map((b) => ({ kind: b.kind, units: b.units })) : undefined,
      submittedAt: application.submittedAt,
      now: new Date(),
    });
    return { feeLines: quote.lines, feeNetKrw: quote.netKrw, feeVatKrw: quote.vatKrw, feeTotalKrw: quote.totalKrw, feeEarlyBird: quote.earlyBird };
  }

  /**
   * An edition's terms, reused for 2 s: every registration reads them for its fee. The process that
   * changes them forgets them at once (BoothsService.setTerms); other instances within the 2 s.
   */
  async termsOf(manager: EntityManager, editionId: string): Promise<EditionExhibitorTerms | null> {
    return this.terms.getOrLoad(editionId, () => this.applications.findTerms(manager, editionId));
  }

  forgetTerms(editionId: string): void {
    this.terms.forget(editionId);
  }

  /** Submission and exhibitor cancellation stop at the registration deadline. */
  async assertBeforeDeadline(manager: EntityManager, edition: FairEdition, what: string): Promise<void> {
    assertEditionOpen(edition, 'Exhibitor registration');
    const terms = await this.termsOf(manager, edition.id);
    if (terms && terms.registrationDeadline.getTime() <= Date.now()) {
      throw new DomainError(ErrorCode.DeadlinePassed, `The registration deadline (${terms.registrationDeadline.toISOString()}) has passed: you can no longer ${what}.`, {
        deadline: terms.registrationDeadline.toISOString(),
      });
    }
  }

  private async takeCapacity(manager: EntityManager, application: ExhibitorApplication): Promise<boolean> {
    if (!application.hallId) {
      throw DomainError.validation([{ field: 'hall', messages: ['choose the hall to take the booths from'] }]);
    }
    return this.applications.takeHallUnits(manager, application.editionId, application.hallId, application.boothCount);
  }

  private async notify(tx: TransactionContext, application: ExhibitorApplication, previous: ApplicationStatus, promoted: boolean): Promise<void> {
    const edition = await this.fairs.getEditionById(application.editionId);
    const booths = await this.applications.assignedBooths(tx.manager, [application.id]);
    const fee = application.feeTotalKrw === null ? null : { netKrw: application.feeNetKrw ?? 0, vatKrw: application.feeVatKrw ?? 0, totalKrw: application.feeTotalKrw };
    const { recipient, locale, head } = applicationMail(application, edition, this.config.publicUrl);
    await this.outbox.send(tx, applicationStatusMail, {
      recipient,
      locale,
      scopeId: application.editionId,
      params: {
        ...head,
        status: application.status,
        previousStatus: previous,
        reason: application.statusReason,
        promoted,
        fee,
        booths: booths.map((b) => b.code),
      },
    });
  }
}
