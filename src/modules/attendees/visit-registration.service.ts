import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config';
import { IdempotencyService } from '../../core/http/idempotency/idempotency.service';
import { editionName } from '../fairs/domain/edition-name';
import { FairsService } from '../fairs/fairs.service';
import { AttendeesService } from './attendees.service';
import { accessTokenFor } from './domain/attendee-tokens';
import { editionDays } from './domain/edition-days';
import type { RegisterAttendeeDto } from './dto/attendee.dto';

/** What the registration page needs of an edition: its names, its days, and whether it takes visitors. */
export interface VisitEdition {
  code: string;
  nameKo: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  /** YYYY-MM-DD, every day of the edition. */
  days: string[];
  open: boolean;
}

/**
 * `registered`: a new registration, with the private link's token (the visitor goes there at once).
 * `already`: the address was registered before; its link went to that address, nothing else is told.
 */
export type VisitOutcome = { kind: 'registered'; token: string } | { kind: 'already' };

/** The hidden key a registration form carries, drawn when the form is shown. */
export const FORM_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Visitor registration from the public page: the API's registration (same service, same email),
 * made idempotent by the form's hidden key: a double submit of one form registers once and both
 * answers lead to the same page. What is stored for a replay is the attendee's id, never the token
 * (the token is derived from the id when needed).
 */
@Injectable()
export class VisitRegistrationService {
  constructor(
    private readonly fairs: FairsService,
    private readonly attendees: AttendeesService,
    private readonly idempotency: IdempotencyService,
    private readonly config: AppConfig,
  ) {}

  async edition(code: string): Promise<VisitEdition> {
    const e = await this.fairs.getPublicEdition(code);
    return {
      code: e.code, nameKo: editionName(e, 'ko'), nameEn: editionName(e, 'en'), startsOn: e.startsOn, endsOn: e.endsOn,
      days: editionDays(e.startsOn, e.endsOn), open: e.status === 'registration_open',
    };
  }

  async register(editionCode: string, body: RegisterAttendeeDto, formKey: string | undefined): Promise<VisitOutcome> {
    if (!formKey || !FORM_KEY.test(formKey)) return this.run(editionCode, body);
    const scope = `visit-page ${editionCode}`;
    const stored = await this.idempotency.claim(scope, formKey, IdempotencyService.fingerprint(['visit-page', editionCode, body]));
    if (stored) return this.outcomeOf(stored.body);
    let outcome: { attendeeId: string | null };
    try {
      const told = await this.attendees.registerAndTell({ editionCode, body });
      outcome = { attendeeId: told.newAttendeeId };
    } catch (error) {
      await this.idempotency.release(scope, formKey);
      throw error;
    }
    const text = JSON.stringify(outcome);
    await this.idempotency.complete(scope, formKey, { status: 303, body: text });
    return this.outcomeOf(text);
  }

  private async run(editionCode: string, body: RegisterAttendeeDto): Promise<VisitOutcome> {
    const told = await this.attendees.registerAndTell({ editionCode, body });
    return this.outcomeOf(JSON.stringify({ attendeeId: told.newAttendeeId }));
  }

  private outcomeOf(stored: string | null): VisitOutcome {
    const id = stored ? (JSON.parse(stored) as { attendeeId?: unknown }).attendeeId : null;
    return typeof id === 'string' ? { kind: 'registered', token: accessTokenFor(this.config.appSecret, id).token } : { kind: 'already' };
  }
}
