import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A reminder once sent: the key makes a second delivery of the same reminder job (BullMQ is
 * at-least-once) a no-op. `key` names the item and its sequence, or the day for day-before ones.
 */
@Entity('itinerary_reminders_sent')
export class ReminderSent {
  @PrimaryColumn({ type: 'uuid' })
  attendeeId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
