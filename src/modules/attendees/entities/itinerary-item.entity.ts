import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Bilingual } from '../domain/itinerary';
import { Attendee } from './attendee.entity';

/**
 * What the attendee's calendar was last told about one item: its SEQUENCE, a fingerprint of what
 * it showed, and whether it was cancelled. The next itinerary compares against it (RFC 5546).
 */
@Entity('itinerary_items')
export class ItineraryItemSent {
  @PrimaryColumn({ type: 'uuid' })
  attendeeId: string;

  @ManyToOne(() => Attendee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: Attendee;

  @PrimaryColumn({ type: 'text' })
  uid: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'boolean', default: false })
  cancelled: boolean;

  /** As last sent, so a cancellation can name what it cancels. */
  @Column({ type: 'jsonb' })
  title: Bilingual;

  @Column({ type: 'jsonb' })
  location: Bilingual;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
