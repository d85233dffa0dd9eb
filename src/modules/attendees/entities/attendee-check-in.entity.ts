import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../../../core/auth/entities/account.entity';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { Attendee } from './attendee.entity';

/**
 * A visitor let in at the entrance on one fair day. The unique key (attendee, day) is the whole
 * guard against double counting: a second scan, a second tap or another phone at another door
 * inserts nothing (INSERT … ON CONFLICT DO NOTHING), whatever order the requests arrive in.
 */
@Entity('attendee_check_ins')
@Index('attendee_check_ins_attendee_day_key', ['attendeeId', 'day'], { unique: true })
@Index('attendee_check_ins_edition_day_idx', ['editionId', 'day'])
@Check('attendee_check_ins_day_check', `day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)
export class AttendeeCheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'uuid' })
  attendeeId: string;

  @ManyToOne(() => Attendee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: Attendee;

  /** The fair day (YYYY-MM-DD at the venue) the visitor came in on. */
  @Column({ type: 'text' })
  day: string;

  /** Registered at the desk on the day (walk-in) rather than beforehand. */
  @Column({ type: 'boolean', default: false })
  walkIn: boolean;

  /** The staff account that let the visitor in. */
  @Column({ type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @ManyToOne(() => Account, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'checked_in_by' })
  staff?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  checkedInAt: Date;
}
