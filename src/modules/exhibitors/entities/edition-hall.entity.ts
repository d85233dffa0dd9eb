import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { VenueSpace } from '../../venue/entities/venue-space.entity';

/**
 * An exhibition hall used by an edition, with its capacity in 9 m² booth units and the units
 * approved applications hold. The CHECK is the last word: no approval or promotion can take
 * the hall past its capacity, whatever the code above it does.
 */
@Entity('edition_halls')
@Check('edition_halls_capacity_check', `booths_taken >= 0 AND booths_taken <= booth_capacity`)
export class EditionHall {
  @PrimaryColumn({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @PrimaryColumn({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => VenueSpace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id' })
  space?: VenueSpace;

  @Column({ type: 'int' })
  boothCapacity: number;

  @Column({ type: 'int', default: 0 })
  boothsTaken: number;
}
