import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExhibitorApplication, type ApplicationStatus } from './exhibitor-application.entity';

export type ApplicationActorRole = 'exhibitor' | 'organizer' | 'system' | 'anonymous';

/** One step of an application's review: who moved it, from what to what, when and why. */
@Entity('application_status_changes')
@Index('application_status_changes_application_idx', ['applicationId', 'at'])
@Check('application_status_changes_actor_role_check', `actor_role IN ('exhibitor','organizer','system','anonymous')`)
export class ApplicationStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ExhibitorApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ExhibitorApplication;

  @Column({ type: 'text', nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'text' })
  toStatus: ApplicationStatus;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'text' })
  actorRole: ApplicationActorRole;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
