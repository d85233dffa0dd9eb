import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['organizer', 'exhibitor', 'buyer', 'attendee'] as const;
export type Role = (typeof ROLES)[number];

/** Someone who can log in: organizers and exhibitors' staff; buyers and attendees use private links. */
@Entity('accounts')
@Index('accounts_email_key', ['email'], { unique: true })
@Check('accounts_email_lower_check', `email = lower(email)`)
@Check('accounts_role_check', `role IN ('organizer','exhibitor','buyer','attendee')`)
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique regardless of case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'en' })
  locale: 'ko' | 'en';

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /**
   * An organizer account that runs the whole organization: every edition, the team, the audit log.
   * The organization always keeps one active (not disabled) admin: a deferred trigger of the
   * migration refuses the commit that would leave none (see TeamService).
   */
  @Column({ type: 'boolean', default: false })
  orgAdmin: boolean;

  /** Set when the owner proved the address (a link from the mail, or an invitation); login needs it. */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
