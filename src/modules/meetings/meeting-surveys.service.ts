import { Injectable } from '@nestjs/common';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { editionNameOrCode } from '../fairs/domain/edition-name';
import { FairsService } from '../fairs/fairs.service';
import { checkSurveyForm, usdForInput, type SurveyError, type SurveyField, type SurveyFormInput } from './domain/survey-answer';
import { surveyMail, type SurveyMailParams } from './mail/survey.mail';
import { MeetingsRepository, type SurveyContextRow, type SurveyPair } from './meetings.repository';
import { ParticipantLinks } from './participant-links';

/** Survey rows (and emails) one sweep transaction writes at most; the sweep goes on until none is due. */
const SWEEP_CHUNK = 200;

/** How a sweep runs; the defaults are production's. For tests only: a hook between reading and writing, and the guard switch. */
export interface SurveySweepOptions {
  /** Called after the due pairs were read and before they are written (a test's barrier). */
  afterRead?: (pairs: SurveyPair[]) => Promise<void>;
  /**
   * false: the negative control of the once-only test — email every pair read, whether or not this
   * sweep wrote its row (a naive select-then-insert). Never false outside that test.
   */
  onlyClaimed?: boolean;
}

/** The survey page's model: the meeting as the participant sees it, and its answer so far. */
export interface SurveyPageModel {
  token: string;
  meetingId: string;
  side: 'buyer' | 'exhibitor';
  company: string;
  counterpart: string;
  counterpartCountry: string;
  startsAt: string;
  endsAt: string;
  edition: { nameKo: string; nameEn: string };
  answeredAt: string | null;
  /** The values shown in the form: the stored answer, or what was typed after a refusal. */
  values: SurveyFormInput;
  errors: Partial<Record<SurveyField, SurveyError>>;
}

export type SurveySubmitResult = { ok: true; locale: 'ko' | 'en' } | { ok: false; model: SurveyPageModel; locale: 'ko' | 'en' };

/**
 * After-meeting surveys. A sweep (repeatable job) finds held meetings whose sides have no survey
 * row yet, writes the rows and the emails in one transaction — once, by the rows' primary key,
 * whoever else sweeps at the same time; the outcome is recorded elsewhere and this stays
 * decoupled from it. A side answers on its private page (/meetings/<token>/surveys/<meeting>);
 * only the meeting's two participants, only while the meeting is held.
 */
@Injectable()
export class MeetingSurveysService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingsRepository,
    private readonly fairs: FairsService,
    private readonly links: ParticipantLinks,
  ) {}

  /** One sweep: every due survey gets its row and its email; answers how many emails were written. */
  async sweep(options: SurveySweepOptions = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const { read, written } = await this.transactions.run(async (tx) => {
        const due = await this.meetings.dueSurveys(tx.manager, SWEEP_CHUNK);
        if (options.afterRead) await options.afterRead(due);
        const claimed = await this.meetings.claimSurveys(tx.manager, due);
        const toEmail = options.onlyClaimed === false ? due : claimed;
        for (const pair of toEmail) await this.writeEmail(tx, pair);
        return { read: due.length, written: toEmail.length };
      });
      total += written;
      if (read < SWEEP_CHUNK || written === 0) return total;
    }
  }

  private async writeEmail(tx: TransactionContext, pair: SurveyPair): Promise<void> {
    const c = await this.meetings.surveyContext(pair.meetingId, pair.participantId, tx.manager);
    if (!c) return;
    const edition = await this.fairs.getEditionById(c.editionId);
    const params: SurveyMailParams = {
      contactName: c.contactName,
      editionNameKo: editionNameOrCode(edition, 'ko'),
      editionNameEn: editionNameOrCode(edition, 'en'),
      counterpart: c.counterpart,
      startsAt: new Date(c.startsAt).toISOString(),
      endsAt: new Date(c.endsAt).toISOString(),
      surveyPath: surveyPath(this.links.token(c.participantId), c.meetingId),
    };
    await this.outbox.send(tx, surveyMail, { recipient: c.email, locale: c.locale, params, scopeId: c.editionId });
  }

  /** The survey page of a participant's held meeting; NotFound for a forged link, another's meeting or a meeting not held. */
  async page(token: string, meetingId: string): Promise<{ model: SurveyPageModel; locale: 'ko' | 'en' }> {
    const c = await this.context(token, meetingId);
    const values: SurveyFormInput = c.answeredAt
      ? {
          satisfaction: c.satisfaction === null ? '' : String(c.satisfaction),
          followUp: c.followUp === null ? '' : c.followUp ? 'yes' : 'no',
          consultationUsd: usdForInput(c.consultationUsd),
          expectedContractUsd: usdForInput(c.expectedContractUsd),
          comment: c.comment ?? '',
        }
      : {};
    return { model: await this.model(token, c, values, {}), locale: c.locale };
  }

  /** Stores the answer, or gives the page back with the errors and the values typed. */
  async answer(token: string, meetingId: string, input: SurveyFormInput): Promise<SurveySubmitResult> {
    const c = await this.context(token, meetingId);
    const checked = checkSurveyForm(input);
    if (!checked.ok) return { ok: false, locale: c.locale, model: await this.model(token, c, input, checked.errors) };
    if (!(await this.meetings.saveSurveyAnswer(meetingId, c.participantId, checked.answer))) throw notFound();
    return { ok: true, locale: c.locale };
  }

  /** The participant's language, if the token is ours (for an error page). */
  async locale(token: string): Promise<'ko' | 'en' | undefined> {
    const id = this.links.verify(token);
    return id ? (await this.meetings.participantById(id))?.locale : undefined;
  }

  private async context(token: string, meetingId: string): Promise<SurveyContextRow> {
    const participantId = this.links.verify(token);
    if (!participantId || !UUID.test(meetingId)) throw notFound();
    const c = await this.meetings.surveyContext(meetingId, participantId);
    if (!c || c.outcome !== 'held' || c.status !== 'published') throw notFound();
    return c;
  }

  private async model(token: string, c: SurveyContextRow, values: SurveyFormInput, errors: SurveyPageModel['errors']): Promise<SurveyPageModel> {
    const edition = await this.fairs.getEditionById(c.editionId);
    return {
      token,
      meetingId: c.meetingId,
      side: c.side,
      company: c.company,
      counterpart: c.counterpart,
      counterpartCountry: c.counterpartCountry,
      startsAt: new Date(c.startsAt).toISOString(),
      endsAt: new Date(c.endsAt).toISOString(),
      edition: { nameKo: editionNameOrCode(edition, 'ko'), nameEn: editionNameOrCode(edition, 'en') },
      answeredAt: c.answeredAt ? new Date(c.answeredAt).toISOString() : null,
      values,
      errors,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const notFound = (): DomainError => new DomainError(ErrorCode.NotFound, 'No survey at this address.');

/** The survey page of a meeting under a participant's private link. */
export function surveyPath(token: string, meetingId: string): string {
  return `/meetings/${encodeURIComponent(token)}/surveys/${encodeURIComponent(meetingId)}`;
}
