import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ExhibitorApplication } from '../../exhibitors/entities/exhibitor-application.entity';
import { Attendee } from './attendee.entity';

/** An exhibitor (its approved application) an attendee wants to visit. */
@Entity('attendee_bookmarks')
@Index('attendee_bookmarks_application_idx', ['applicationId'])
export class AttendeeBookmark {
  @PrimaryColumn({ type: 'uuid' })
  attendeeId: string;

  @ManyToOne(() => Attendee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: Attendee;

  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ExhibitorApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ExhibitorApplication;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
