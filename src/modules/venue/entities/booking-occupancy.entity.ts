import { Entity, Exclusion, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Booking } from './booking.entity';

/** The name says what the constraint guarantees (TypeORM compares exclusions by name only). */
export const NO_OVERLAP_CONSTRAINT = 'venue_booking_occupancies_no_overlap_per_space';

/**
 * The rows that make double booking impossible: one per atomic space an active booking covers
 * (a whole hall covers each of its parts). The exclusion constraint refuses two rows of one
 * space whose ranges overlap, whoever writes them. A booking that is cancelled or expires
 * deletes its rows.
 */
@Entity('venue_booking_occupancies')
@Exclusion(NO_OVERLAP_CONSTRAINT, `USING gist ("space_id" WITH =, "during" WITH &&)`)
export class BookingOccupancy {
  @PrimaryColumn({ type: 'uuid' })
  bookingId: string;

  /** An atomic space: one that is not made of parts. */
  @PrimaryColumn({ type: 'uuid' })
  spaceId: string;

  /** [occupiedFrom, occupiedUntil): half-open, so back-to-back bookings do not collide. */
  @Column({ type: 'tstzrange' })
  during: string;

  @ManyToOne(() => Booking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id' })
  booking?: Booking;
}
