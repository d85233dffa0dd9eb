import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

/** A table of the meeting floor; owned by a participant (its host) or part of the shared pool. */
@Entity('meeting_tables')
export class MeetingTable {
  @PrimaryColumn({ type: 'uuid' })
  editionId: string;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;
}

/** An interpreter between Korean and each of their languages. */
@Entity('meeting_interpreters')
export class MeetingInterpreter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  languages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  unavailableSlots: string[];
}
