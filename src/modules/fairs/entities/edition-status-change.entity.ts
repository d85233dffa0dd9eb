import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairEdition, type EditionStatus } from './fair-edition.entity';

/** Who moved an edition from one status to another, when and why. */
@Entity('edition_status_changes')
@Index('edition_status_changes_edition_idx', ['editionId', 'changedAt'])
export class EditionStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text' })
  fromStatus: EditionStatus;

  @Column({ type: 'text' })
  toStatus: EditionStatus;

  /** The organizer's account. */
  @Column({ type: 'uuid' })
  changedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
