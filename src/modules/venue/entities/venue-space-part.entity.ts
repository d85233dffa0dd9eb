import { Check, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VenueSpace } from './venue-space.entity';

/**
 * A combinable space is made of parts: the whole exhibition hall of its two halls, a large
 * meeting room of its dividable rooms. Bookings occupy the parts, so whole and part block each other.
 */
@Entity('venue_space_parts')
@Check('venue_space_parts_not_self_check', `whole_space_id <> part_space_id`)
export class VenueSpacePart {
  @PrimaryColumn({ type: 'uuid' })
  wholeSpaceId: string;

  @PrimaryColumn({ type: 'uuid' })
  partSpaceId: string;

  @ManyToOne(() => VenueSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'whole_space_id' })
  whole?: VenueSpace;

  @ManyToOne(() => VenueSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'part_space_id' })
  part?: VenueSpace;
}
