import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { IDEMPOTENCY_KEY_FORMAT, IdempotencyService, type StoredAnswer } from '../../../core/http/idempotency/idempotency.service';
import { translator, type Lang } from '../../../core/web/i18n';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { MeetingsService } from '../meetings.service';
import { ParticipantAccessService } from '../participant-access.service';
import { ParticipantLinks } from '../participant-links';
import { mapServiceErrors, parseBuyer, type BuyerValues } from './buyer-registration-page.forms';
import { BUYER_REGISTRATION_MESSAGES } from './buyer-registration-page.messages';
import type { BuyerFormModel, SubmitOutcome } from './buyer-registration-page.view';

const WAIT_STEP_MS = 200;
const WAIT_STEPS = 50;

/**
 * The buyers' registration page's one door to the meetings: what the form offers, and a
 * submission, registered through the same ParticipantAccessService as the JSON API (same rules,
 * same email). The form's one-time key makes a double submit register once: it is claimed in the
 * idempotency store, and a second submit of the same form waits for the first and gets its answer.
 */
@Injectable()
export class BuyerRegistrationPageService {
  constructor(
    private readonly fairs: FairsService,
    private readonly meetings: MeetingsService,
    private readonly access: ParticipantAccessService,
    private readonly links: ParticipantLinks,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The form's choices; 404 for an unknown or draft edition. */
  async form(code: string): Promise<BuyerFormModel> {
    return this.model(await this.fairs.getPublicEdition(code));
  }

  async submit(code: string, formKey: string | undefined, values: BuyerValues, lang: Lang): Promise<SubmitOutcome> {
    const t = translator(BUYER_REGISTRATION_MESSAGES, lang);
    const edition = await this.fairs.getPublicEdition(code);
    const model = await this.model(edition);
    if (!model.open) return { kind: 'closed', model };
    const parsed = parseBuyer(values, { categories: model.categories.map((c) => c.code), days: model.days }, t, lang);
    if (parsed.errors) return { kind: 'invalid', model, errors: parsed.errors };
    const slots = await this.meetings.slots(edition);
    const dto = { ...parsed.dto, unavailableSlots: slots.filter((s) => !values.days.includes(s.start.slice(0, 10))).map((s) => s.id) };
    const register = async (): Promise<string> => (await this.access.registerBuyer(edition.code, dto)).id;
    try {
      const id = formKey && IDEMPOTENCY_KEY_FORMAT.test(formKey) ? await this.once(edition.code, formKey, IdempotencyService.fingerprint([dto]), register) : await register();
      return { kind: 'registered', token: this.links.token(id) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.ValidationFailed) return { kind: 'invalid', model, errors: mapServiceErrors(error.details.errors ?? [], t) };
      if (error.code === ErrorCode.Conflict) return { kind: 'invalid', model, errors: { email: t('errAlreadyRegistered') } };
      if (error.code === ErrorCode.IdempotencyKeyReused) return { kind: 'invalid', model, errors: {}, message: 'errFormUsed', newFormKey: true };
      if (error.code === ErrorCode.EditionNotOpen) return { kind: 'closed', model: { ...model, open: false } };
      throw error;
    }
  }

  /** Runs `work` once per form key: a repeat waits for the first run and answers its participant id. */
  private async once(code: string, key: string, fingerprint: string, work: () => Promise<string>): Promise<string> {
    const scope = `page:buyer-registration ${code}`;
    let stored: StoredAnswer | undefined;
    for (let step = 0; ; step++) {
      try {
        stored = await this.idempotency.claim(scope, key, fingerprint);
        break;
      } catch (error) {
        // The first submit is still running (a double click): wait for its answer.
        if (!(error instanceof DomainError) || error.code !== ErrorCode.IdempotencyKeyInProgress || step >= WAIT_STEPS) throw error;
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
    }
    if (stored?.body) return stored.body;
    try {
      const id = await work();
      await this.idempotency.complete(scope, key, { status: 201, body: id });
      return id;
    } catch (error) {
      await this.idempotency.release(scope, key);
      throw error;
    }
  }

  private async model(edition: FairEdition): Promise<BuyerFormModel> {
    const slots = await this.meetings.slots(edition);
    return {
      code: edition.code,
      editionName: { ko: editionNameOrCode(edition, 'ko'), en: editionNameOrCode(edition, 'en') },
      open: edition.status === 'registration_open',
      categories: categoriesOfSeries(edition.series?.code ?? ''),
      days: [...new Set(slots.map((s) => s.start.slice(0, 10)))],
    };
  }
}
