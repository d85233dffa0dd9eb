import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDITION_STATUSES, type EditionStatus } from '../entities/fair-edition.entity';
import { EditionSummaryResponse } from './fair.response';

export class EditionResponse extends EditionSummaryResponse {
  @ApiProperty({ example: 'ppuri' }) series: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ example: 'kdj-center' }) venue: string;
  @ApiProperty({ example: 2, description: 'Days before the first day the halls are held for build-up' }) buildUpDays: number;
  @ApiProperty({ example: 1, description: 'Days after the last day the halls are held for tear-down' }) tearDownDays: number;
  @ApiProperty({ enum: EDITION_STATUSES, isArray: true, description: 'Where the status may go next' }) nextStatuses: EditionStatus[];
}

export class EditionPageResponse {
  @ApiProperty({ type: [EditionResponse] }) items: EditionResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** One change of an edition's status (named apart from the application's StatusChangeResponse: one OpenAPI schema per name). */
export class EditionStatusChangeResponse {
  @ApiProperty({ enum: EDITION_STATUSES }) from: EditionStatus;
  @ApiProperty({ enum: EDITION_STATUSES }) to: EditionStatus;
  @ApiProperty({ description: 'Email of the organizer' }) by: string;
  @ApiProperty() at: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reason: string | null;
}

export class OpeningDayResponse {
  @ApiProperty() date: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
}

export class ConferenceSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() titleKo: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ type: [String] }) speakers: string[];
  @ApiProperty({ example: 'R201' }) room: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() capacity: number;
}

export class SlotResponse {
  @ApiProperty({ example: 'D2027-07-08-1000' }) id: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class MeetingSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() day: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() slotMinutes: number;
  @ApiProperty({ type: Object, isArray: true, example: [{ start: '12:00', end: '13:00' }] }) breaks: Array<{ start: string; end: string }>;
  @ApiPropertyOptional({ type: String, nullable: true }) space: string | null;
  @ApiProperty({ type: [SlotResponse] }) slots: SlotResponse[];
}

export class ProgrammeResponse {
  @ApiProperty() edition: string;
  @ApiProperty({ type: [OpeningDayResponse] }) openingHours: OpeningDayResponse[];
  @ApiProperty({ type: [ConferenceSessionResponse] }) conferenceSessions: ConferenceSessionResponse[];
  @ApiProperty({ type: [MeetingSessionResponse] }) meetingSessions: MeetingSessionResponse[];
}
