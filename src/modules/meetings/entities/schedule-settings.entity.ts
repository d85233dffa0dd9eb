import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per edition: whether the schedule is frozen (agendas are being printed: no more changes). */
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
}
