import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../../../core/auth/entities/account.entity';
import { Company } from '../../exhibitors/entities/company.entity';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { Attendee } from './attendee.entity';

/**
 * A badge an exhibiting company scanned at its booth. One row per company and attendee: a second
 * scan updates the note. The attendee's contact shows only if the attendee consented to share it.
 */
@Entity('attendee_leads')
@Index('attendee_leads_company_attendee_key', ['companyId', 'attendeeId'], { unique: true })
@Index('attendee_leads_company_edition_idx', ['companyId', 'editionId', 'scannedAt'])
@Index('attendee_leads_attendee_idx', ['attendeeId'])
export class AttendeeLead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'uuid' })
  attendeeId: string;

  @ManyToOne(() => Attendee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: Attendee;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  scannedByAccountId: string | null;

  @ManyToOne(() => Account, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'scanned_by_account_id' })
  scannedBy?: Account | null;

  /** The first scan. */
  @CreateDateColumn({ type: 'timestamptz' })
  scannedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
