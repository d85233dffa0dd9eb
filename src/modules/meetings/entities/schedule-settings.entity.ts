import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per edition: how long requests wait for an answer, and whether the schedule is frozen. */
@Entity('meeting_schedule_settings')
export class ScheduleSettings {
  @PrimaryColumn({ type: 'uuid' })
  editionId: string;

  @Column({ type: 'boolean', default: false })
  frozen: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  frozenBy: string | null;

  /** A request between participants lapses after this many hours without an answer. */
  @Column({ type: 'int', default: 72 })
  requestExpiryHours: number;
}
