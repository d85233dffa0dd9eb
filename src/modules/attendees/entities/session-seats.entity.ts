import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ConferenceSession } from '../../fairs/entities/edition-programme.entity';

/**
 * Seats taken in a conference session, one row per session that was ever picked. Its row lock
 * serializes picks and unpicks of the session; the CHECK is the backstop: no code path can seat
 * more people than the capacity copied here from the session.
 */
@Entity('conference_session_seats')
@Check('conference_session_seats_taken_check', `taken >= 0 AND taken <= capacity`)
export class ConferenceSessionSeats {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @OneToOne(() => ConferenceSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ConferenceSession;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  taken: number;
}
