import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { translator, type Lang } from '../../../core/web/i18n';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { availableDays } from '../domain/exhibitor-opt-in';
import type { Priority } from '../entities/meeting-request.entity';
import { ExhibitorOptInService, type OptInState } from '../exhibitor-opt-in.service';
import { ParticipantAccessService } from '../participant-access.service';
import { EXHIBITOR_MEETINGS_MESSAGES } from './exhibitor-meetings-page.messages';
import {
  defaultValues, editionState, parseOptIn, serviceFieldErrors, type EditionPageModel, type ListEntry, type OptInChoices, type OptInErrors, type OptInValues,
} from './exhibitor-meetings-page.view-model';
import { ParticipantPageService } from './participant-page.service';

/** What a submitted opt-in form comes to: joined (303 to the page) or the form again with its errors. */
export type OptInOutcome = { kind: 'joined' } | { kind: 'invalid'; model: EditionPageModel; errors: OptInErrors };

/**
 * The exhibitor's export-meetings pages' one door to the meetings: the list of its editions, an
 * edition's page (the opt-in form, or — once it takes part — the participant page's own model of
 * suggestions and requests, composed from ParticipantPageService), and each action. The requests
 * go through ParticipantAccessService with the company's participant token, exactly as its private
 * page and the JSON API do.
 */
@Injectable()
export class ExhibitorMeetingsPageService {
  constructor(
    private readonly optIns: ExhibitorOptInService,
    private readonly participantPages: ParticipantPageService,
    private readonly access: ParticipantAccessService,
  ) {}

  async list(principal: Principal): Promise<ListEntry[]> {
    return (await this.optIns.overview(principal)).map((s) => ({
      code: s.edition.code,
      name: { ko: editionNameOrCode(s.edition, 'ko'), en: editionNameOrCode(s.edition, 'en') },
      state: editionState(s.participant !== null, s.optIn),
      reason: s.optIn.may ? undefined : s.optIn.reason,
      applicationStatus: s.application?.status,
    }));
  }

  async page(principal: Principal, code: string, lang: Lang): Promise<EditionPageModel> {
    return this.model(await this.optIns.state(principal, code), lang);
  }

  async optIn(principal: Principal, code: string, values: OptInValues, lang: Lang): Promise<OptInOutcome> {
    const t = translator(EXHIBITOR_MEETINGS_MESSAGES, lang);
    const state = await this.optIns.state(principal, code);
    if (!state.participant) {
      const parsed = parseOptIn(values, choicesOf(state), t);
      if (parsed.errors) return { kind: 'invalid', model: await this.model(state, lang), errors: parsed.errors };
      try {
        await this.optIns.optIn(principal, code, parsed.input);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.ValidationFailed) throw error;
        return { kind: 'invalid', model: await this.model(state, lang), errors: serviceFieldErrors(error.details.errors ?? [], t) };
      }
    }
    return { kind: 'joined' };
  }

  optOut(principal: Principal, code: string): Promise<void> {
    return this.optIns.optOut(principal, code);
  }

  async request(principal: Principal, code: string, counterpart: string, priority: Priority): Promise<void> {
    await this.access.request(await this.tokenOf(principal, code), { counterpart, priority });
  }

  async answer(principal: Principal, code: string, requestId: string, answer: 'accepted' | 'declined'): Promise<void> {
    await this.access.answer(await this.tokenOf(principal, code), requestId, answer);
  }

  private async tokenOf(principal: Principal, code: string): Promise<string> {
    const state = await this.optIns.state(principal, code);
    if (!state.token) throw new DomainError(ErrorCode.Conflict, `Not taking part in ${code}'s export meetings.`, { reason: 'notIn' });
    return state.token;
  }

  private async model(s: OptInState, lang: Lang): Promise<EditionPageModel> {
    const choices = choicesOf(s);
    const model: EditionPageModel = {
      code: s.edition.code,
      name: { ko: editionNameOrCode(s.edition, 'ko'), en: editionNameOrCode(s.edition, 'en') },
      company: s.participant?.companyName ?? s.application?.companyName ?? '',
      applicationStatus: s.application?.status,
      optIn: s.optIn,
      optOut: s.optOut,
      choices,
      defaults: defaultValues(s.application, choices, lang),
    };
    if (s.participant && s.token) {
      const { model: page } = await this.participantPages.load(s.token);
      const p = s.participant;
      model.joined = {
        token: s.token, contactName: p.contactName, email: p.email, languages: p.languages, interests: p.interests,
        days: availableDays(s.slots, p.unavailableSlots), page,
      };
    }
    return model;
  }
}

function choicesOf(s: OptInState): OptInChoices {
  return { categories: categoriesOfSeries(s.edition.series?.code ?? ''), days: [...new Set(s.slots.map((x) => x.start.slice(0, 10)))] };
}
