import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Company } from './company.entity';

/** An emailed invitation to join a company's account; only the token's hash is kept. */
@Entity('company_invitations')
@Index('company_invitations_token_hash_key', ['tokenHash'], { unique: true })
@Index('company_invitations_company_idx', ['companyId'])
export class CompanyInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  /** Lower-case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'uuid' })
  invitedByAccountId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
