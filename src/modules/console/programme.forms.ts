import { IsOptional, IsString, MaxLength } from 'class-validator';
import { formatLocal, localToInstant } from '../../core/time/zoned-time';
import type { CreateConferenceSessionDto } from '../fairs/dto/edition.dto';

/** The add-a-session form: lenient strings, checked by parseSessionForm so the page can say what is wrong per field. */
export class SessionForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(1000) titleKo?: string;
  @IsOptional() @IsString() @MaxLength(1000) titleEn?: string;
  @IsOptional() @IsString() @MaxLength(3000) speakers?: string;
  @IsOptional() @IsString() @MaxLength(100) room?: string;
  @IsOptional() @IsString() @MaxLength(100) day?: string;
  @IsOptional() @IsString() @MaxLength(100) start?: string;
  @IsOptional() @IsString() @MaxLength(100) end?: string;
  @IsOptional() @IsString() @MaxLength(100) capacity?: string;
}

export const SESSION_FIELDS = ['titleKo', 'titleEn', 'speakers', 'room', 'day', 'start', 'end', 'capacity'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];
export type SessionValues = Record<SessionField, string>;

/** Why a field was refused: the page words it in the user's language. */
export type SessionProblem =
  | 'required' | 'tooLong' | 'singleLine' | 'tooManySpeakers' | 'unknownRoom' | 'notEditionDay' | 'invalidTime' | 'endBeforeStart' | 'invalidCapacity' | 'overCapacity'
  | 'roomTaken' | 'timeTaken';
/**
 * Problems per field, `form` when the fairs' rules refused it for a reason no field explains, and
 * `taken` when the room is held then: the venue's sentence naming what holds it, in both languages.
 */
export type SessionErrors = Partial<Record<SessionField, SessionProblem>> & { form?: 'refused'; taken?: { ko: string; en: string } };

export const EMPTY_SESSION: SessionValues = { titleKo: '', titleEn: '', speakers: '', room: '', day: '', start: '', end: '', capacity: '' };

export function sessionValues(form: SessionForm): SessionValues {
  const v = { ...EMPTY_SESSION };
  for (const f of SESSION_FIELDS) v[f] = (form[f] ?? '').trim();
  return v;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;

/**
 * The form as the fairs API's request, or the problems per field. The rooms and days are the
 * edition's (a room not among them, a day outside the edition is refused here, before the API).
 */
export function parseSessionForm(
  v: SessionValues,
  rooms: ReadonlyArray<{ code: string; seats: number }>,
  days: readonly string[],
  zone: string,
): { ok: true; dto: CreateConferenceSessionDto } | { ok: false; errors: SessionErrors } {
  const errors: SessionErrors = {};
  for (const f of ['titleKo', 'titleEn'] as const) {
    if (!v[f]) errors[f] = 'required';
    else if ([...v[f]].length > 200) errors[f] = 'tooLong';
    else if (!SINGLE_LINE.test(v[f])) errors[f] = 'singleLine';
  }
  const speakers = v.speakers.split(',').map((s) => s.trim()).filter(Boolean);
  if (speakers.length > 20) errors.speakers = 'tooManySpeakers';
  else if (speakers.some((s) => [...s].length > 120)) errors.speakers = 'tooLong';
  const room = rooms.find((r) => r.code === v.room);
  if (!v.room) errors.room = 'required';
  else if (!room) errors.room = 'unknownRoom';
  if (!v.day) errors.day = 'required';
  else if (!days.includes(v.day)) errors.day = 'notEditionDay';
  for (const f of ['start', 'end'] as const) {
    if (!v[f]) errors[f] = 'required';
    else if (!TIME.test(v[f])) errors[f] = 'invalidTime';
  }
  if (!errors.start && !errors.end && v.end <= v.start) errors.end = 'endBeforeStart';
  const capacity = Number(v.capacity);
  if (!v.capacity) errors.capacity = 'required';
  else if (!/^\d{1,5}$/.test(v.capacity) || capacity < 1 || capacity > 10000) errors.capacity = 'invalidCapacity';
  else if (room && capacity > room.seats) errors.capacity = 'overCapacity';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const at = (time: string): string => formatLocal(localToInstant(v.day, time, zone), zone);
  return { ok: true, dto: { titleKo: v.titleKo, titleEn: v.titleEn, speakers, room: v.room, startsAt: at(v.start), endsAt: at(v.end), capacity } };
}
