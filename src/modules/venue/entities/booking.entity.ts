import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VenueSpace } from './venue-space.entity';

export const BOOKING_STATUSES = ['held', 'confirmed', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * A space reserved for a time range. Setup and teardown count as occupied: the occupied
 * range is [startsAt − setup, endsAt + teardown). A hold lapses at holdExpiresAt unless confirmed.
 */
@Entity('venue_bookings')
@Index('venue_bookings_space_occupied_idx', ['spaceId', 'occupiedFrom'])
@Index('venue_bookings_hold_expiry_idx', ['holdExpiresAt'], { where: `status = 'held'` })
@Check('venue_bookings_times_check', `ends_at > starts_at AND occupied_from <= starts_at AND occupied_until >= ends_at`)
@Check('venue_bookings_status_check', `status IN ('held','confirmed','cancelled','expired')`)
@Check('venue_bookings_hold_check', `status <> 'held' OR hold_expires_at IS NOT NULL`)
@Check('venue_bookings_holder_check', `(holder_kind IS NULL) = (holder_ref IS NULL) AND (holder_kind IS NULL) = (holder_label_en IS NULL) AND (holder_kind IS NULL) = (holder_label_ko IS NULL)`)
@Index('venue_bookings_active_holder_key', ['holderRef'], { unique: true, where: `holder_ref IS NOT NULL AND status IN ('held','confirmed')` })
@Index('venue_bookings_edition_holder_idx', ['editionId', 'holderKind'], { where: `holder_kind IS NOT NULL` })
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => VenueSpace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id' })
  space?: VenueSpace;

  /**
   * The fair edition this booking serves, when it serves one: a plain id, no relation, because
   * the venue is the ground floor and knows nothing of fairs. The database still keeps the
   * foreign key (named by table, not by the fairs entity); the venue reads editions through its
   * EditionLookup port (ports/edition-lookup.ts).
   */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('fair_editions', { onDelete: 'SET NULL' })
  editionId: string | null;

  @Column({ type: 'text' })
  purpose: string;

  /**
   * What holds the space when a floor above booked it for something of its own (an edition's
   * hall, a conference session, an export-meeting area): its kind, a key unique among active
   * bookings (`conference-session:<id>`), and its name in both languages, so the venue can say
   * who is in the way without importing the floors above. Null for a plain booking.
   */
  @Column({ type: 'text', nullable: true })
  holderKind: string | null;

  @Column({ type: 'text', nullable: true })
  holderRef: string | null;

  @Column({ type: 'text', nullable: true })
  holderLabelEn: string | null;

  @Column({ type: 'text', nullable: true })
  holderLabelKo: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int', default: 0 })
  setupMinutes: number;

  @Column({ type: 'int', default: 0 })
  teardownMinutes: number;

  @Column({ type: 'timestamptz' })
  occupiedFrom: Date;

  @Column({ type: 'timestamptz' })
  occupiedUntil: Date;

  @Column({ type: 'text' })
  status: BookingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  holdExpiresAt: Date | null;

  /** iCalendar SEQUENCE: bumped on every change a calendar app must apply. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** The organizer who booked; null when the system did (the seed, a migration). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;
}
