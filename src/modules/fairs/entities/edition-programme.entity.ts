import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { VenueSpace } from '../../venue/entities/venue-space.entity';
import { FairEdition } from './fair-edition.entity';

/** When the exhibition is open to visitors on one day of the edition (local time). */
@Entity('edition_opening_hours')
@Check('edition_opening_hours_order_check', `closes_at > opens_at`)
export class EditionOpeningHours {
  @PrimaryColumn({ type: 'uuid' })
  editionId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'time' })
  opensAt: string;

  @Column({ type: 'time' })
  closesAt: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;
}

/** A talk or panel of the academic conference. */
@Entity('conference_sessions')
@Index('conference_sessions_edition_idx', ['editionId', 'startsAt'])
@Check('conference_sessions_times_check', `ends_at > starts_at`)
@Check('conference_sessions_capacity_check', `capacity > 0`)
export class ConferenceSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text' })
  titleKo: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  speakers: string[];

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => VenueSpace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: VenueSpace;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;
}

/** One day of export business meetings: the slot grid the meeting scheduler fills. */
@Entity('export_meeting_sessions')
@Index('export_meeting_sessions_edition_day_key', ['editionId', 'day'], { unique: true })
@Check('export_meeting_sessions_times_check', `ends_at > starts_at`)
@Check('export_meeting_sessions_slot_check', `slot_minutes BETWEEN 10 AND 120`)
export class ExportMeetingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'time' })
  startsAt: string;

  @Column({ type: 'time' })
  endsAt: string;

  @Column({ type: 'int', default: 30 })
  slotMinutes: number;

  /** [{ start: 'HH:MM', end: 'HH:MM' }], local time. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  breaks: Array<{ start: string; end: string }>;

  /** Where the tables stand, when a room is set. */
  @Column({ type: 'uuid', nullable: true })
  spaceId: string | null;

  @ManyToOne(() => VenueSpace, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'space_id' })
  space?: VenueSpace | null;
}
