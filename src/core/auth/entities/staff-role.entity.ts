import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '../staff-roles.decorator';
import { Account } from './account.entity';

/**
 * What one organizer staff member may do for one edition (or, with no edition, for all of them).
 * The edition is a plain uuid with its foreign key named by table: core knows no fairs entity.
 * One row per (account, edition, role): the two partial keys cover "one edition" and "all editions".
 */
@Entity('staff_roles')
@Index('staff_roles_edition_key', ['accountId', 'editionId', 'role'], { unique: true, where: 'edition_id IS NOT NULL' })
@Index('staff_roles_all_editions_key', ['accountId', 'role'], { unique: true, where: 'edition_id IS NULL' })
@Index('staff_roles_edition_idx', ['editionId'])
@Check('staff_roles_role_check', `role IN ('admin','reviewer','venue','meetings','onsite')`)
export class StaffRoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  /** Null: every edition, present and future. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('fair_editions', { onDelete: 'CASCADE' })
  editionId: string | null;

  @Column({ type: 'text' })
  role: StaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
