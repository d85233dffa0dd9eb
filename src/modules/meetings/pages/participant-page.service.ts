import { Injectable } from '@nestjs/common';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import { FairsService } from '../../fairs/fairs.service';
import type { Priority } from '../entities/meeting-request.entity';
import { MeetingDayService } from '../meeting-day.service';
import { MeetingsRepository } from '../meetings.repository';
import { ParticipantAccessService } from '../participant-access.service';
import { ParticipantLinks } from '../participant-links';
import type { PageRequest, ParticipantPageModel } from './participant-page.view';

/**
 * What the participant page asks of the meetings, one call per request: the page's model (the
 * participant's overview plus the names its requests refer to), and each action, answering the
 * participant's own language for the redirect back. Everything goes through ParticipantAccessService,
 * exactly as the JSON API /api/meeting-access/<token> does.
 */
@Injectable()
export class ParticipantPageService {
  constructor(
    private readonly access: ParticipantAccessService,
    private readonly meetings: MeetingsRepository,
    private readonly fairs: FairsService,
    private readonly links: ParticipantLinks,
    private readonly day: MeetingDayService,
  ) {}

  /** Throws NotFound for an invalid or forged token, like the API. */
  async load(token: string): Promise<{ model: ParticipantPageModel; locale: string }> {
    const o = await this.access.overview(token);
    const me = await this.meetings.participantById(o.participant.id);
    if (!me) throw new Error(`participant ${o.participant.id} vanished`);
    const [edition, people, sessions, surveys, changes] = await Promise.all([
      this.fairs.getEditionById(me.editionId), this.meetings.participants(me.editionId), this.fairs.meetingSessions(me.editionId), this.meetings.surveysOf(me.id),
      this.day.participantDay(me.id, o.agenda),
    ]);
    // Where each day's meetings take place: the hall or room by its name, when the session has one.
    const places = Object.fromEntries(sessions.filter((x) => x.space).map((x) => [x.day, { ko: x.space!.nameKo, en: x.space!.nameEn }]));
    const byId = new Map(people.map((p) => [p.id, { name: p.companyName, country: p.country }]));
    const other = (r: { buyer: string; exhibitor: string }): string => (me.side === 'buyer' ? r.exhibitor : r.buyer);
    const toPage = (r: (typeof o.incoming)[number]): PageRequest => ({
      id: r.id, counterpart: byId.get(other(r)) ?? { name: '', country: '' }, priority: r.priority, status: r.status, expiresAt: r.expiresAt,
    });
    // One live request per pair: a suggestion already asked shows its state instead of a form.
    const live = new Map([...o.incoming, ...o.outgoing].filter((r) => r.status === 'pending' || r.status === 'accepted').map((r) => [other(r), r.status]));
    return {
      locale: me.locale,
      model: {
        token,
        company: me.companyName,
        side: me.side,
        edition: { nameKo: editionNameOrCode(edition, 'ko'), nameEn: editionNameOrCode(edition, 'en') },
        slots: o.slots,
        unavailableSlots: me.unavailableSlots,
        agenda: o.agenda,
        changes,
        places,
        incoming: o.incoming.map(toPage),
        outgoing: o.outgoing.map(toPage),
        suggestions: o.suggestions.map((s) => ({ ...s, requestStatus: live.get(s.participant) })),
        surveys,
      },
    };
  }

  /** The participant's language, if the token is ours (for an error page). */
  async locale(token: string): Promise<string | undefined> {
    const id = this.links.verify(token);
    return id ? (await this.meetings.participantById(id))?.locale : undefined;
  }

  async setAway(token: string, away: string[]): Promise<string | undefined> {
    await this.access.setAvailability(token, { unavailableSlots: away });
    return this.locale(token);
  }

  async request(token: string, counterpart: string, priority: Priority): Promise<string | undefined> {
    await this.access.request(token, { counterpart, priority });
    return this.locale(token);
  }

  /** Cancels one of the participant's published meetings (before the cut-off); the other side is emailed. */
  async cancelMeeting(token: string, meetingId: string, note: string | undefined): Promise<string | undefined> {
    await this.day.participantCancel(token, meetingId, note?.trim() || null);
    return this.locale(token);
  }

  /** Asks the organizers to move one of the participant's published meetings (before the cut-off). */
  async requestMove(token: string, meetingId: string, note: string | undefined): Promise<string | undefined> {
    await this.day.participantRequestMove(token, meetingId, note?.trim() || null);
    return this.locale(token);
  }

  async answer(token: string, requestId: string, answer: 'accepted' | 'declined'): Promise<string | undefined> {
    await this.access.answer(token, requestId, answer);
    return this.locale(token);
  }
}
