import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Booth } from './booth.entity';
import { ExhibitorApplication } from './exhibitor-application.entity';

/** A booth given to an approved application. The booth is the key: it can never be given twice. */
@Entity('booth_assignments')
@Index('booth_assignments_application_idx', ['applicationId'])
export class BoothAssignment {
  @PrimaryColumn({ type: 'uuid' })
  boothId: string;

  @ManyToOne(() => Booth, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booth_id' })
  booth?: Booth;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ExhibitorApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ExhibitorApplication;

  @Column({ type: 'uuid', nullable: true })
  assignedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt: Date;
}
