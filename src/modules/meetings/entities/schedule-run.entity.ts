import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One run of the scheduling engine for an edition, with its progress while it runs. */
@Entity('meeting_schedule_runs')
@Index('meeting_schedule_runs_edition_idx', ['editionId', 'createdAt'])
@Check('meeting_schedule_runs_status_check', `status IN ('queued','running','done','failed')`)
export class ScheduleRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @Column({ type: 'text', default: 'queued' })
  status: RunStatus;

  /** Keep published meetings in place (true) or let the engine move them. */
  @Column({ type: 'boolean', default: true })
  keepPublished: boolean;

  @Column({ type: 'int', default: 1 })
  seed: number;

  /** { phase, weight, bound?, fraction? } while running. */
  @Column({ type: 'jsonb', nullable: true })
  progress: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  stats: Record<string, unknown> | null;

  /** [{ request, reason }] */
  @Column({ type: 'jsonb', nullable: true })
  unscheduled: Array<{ request: string; reason: string }> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
