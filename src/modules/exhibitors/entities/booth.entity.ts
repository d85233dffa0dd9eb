import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { VenueSpace } from '../../venue/entities/venue-space.entity';
import type { BoothKind } from '../domain/booth-kinds';

/** A booth of an edition's hall plan. */
@Entity('booths')
@Index('booths_edition_code_key', ['editionId', 'code'], { unique: true })
@Index('booths_hall_idx', ['editionId', 'hallId'])
@Check('booths_kind_check', `kind IN ('inline','corner','island')`)
@Check('booths_units_check', `units BETWEEN 1 AND 100`)
export class Booth {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'uuid' })
  hallId: string;

  @ManyToOne(() => VenueSpace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hall_id' })
  hall?: VenueSpace;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  row: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  widthM: string;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  depthM: string;

  /** Size in standard 9 m² booths. */
  @Column({ type: 'int' })
  units: number;

  @Column({ type: 'text' })
  kind: BoothKind;
}
