import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Venue } from './venue.entity';

export const SPACE_KINDS = ['exhibition_hall', 'convention_hall', 'multipurpose_hall', 'meeting_room'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** A bookable hall or room of a venue. */
@Entity('venue_spaces')
@Index('venue_spaces_venue_code_key', ['venueId', 'code'], { unique: true })
@Check('venue_spaces_kind_check', `kind IN ('exhibition_hall','convention_hall','multipurpose_hall','meeting_room')`)
export class VenueSpace {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  venueId: string;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id' })
  venue?: Venue;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameKo: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: SpaceKind;

  /** Which building of the venue, e.g. `main` or `second` (the 2013 Second Convention Center). */
  @Column({ type: 'text' })
  building: string;

  @Column({ type: 'int' })
  floor: number;

  @Column({ type: 'numeric', precision: 9, scale: 1, nullable: true })
  areaM2: string | null;

  /** Seats in theatre layout. */
  @Column({ type: 'int', nullable: true })
  seats: number | null;

  @Column({ type: 'int', nullable: true })
  capacityClassroom: number | null;

  @Column({ type: 'int', nullable: true })
  capacityBanquet: number | null;

  /** Standard 3 m × 3 m booths the space holds. */
  @Column({ type: 'int', nullable: true })
  boothCapacity: number | null;

  /** Names of the figures above that are assumed rather than taken from a source. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  assumedFields: string[];

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
