import { Injectable, Logger } from '@nestjs/common';
import type { TransactionContext } from '../../core/database/transaction-runner';

export type SessionChange = 'moved' | 'cancelled';
export type SessionChangeListener = (tx: TransactionContext, sessionId: string, change: SessionChange) => Promise<void>;
/** Export meetings of these participants (by email) changed and were published. */
export type MeetingsChangeListener = (tx: TransactionContext, editionId: string, emails: string[]) => Promise<void>;

/**
 * Lets modules that build on the programme (attendees' itineraries) react to a conference session
 * that moves or is cancelled, or to export meetings published anew, inside the same transaction —
 * without the fairs module (or the meetings module) knowing them.
 * Listeners run before a cancelled session's row is deleted, so they can still see who chose it.
 */
@Injectable()
export class ProgrammeEvents {
  private readonly logger = new Logger('programme');
  private readonly listeners: SessionChangeListener[] = [];
  private readonly meetingListeners: MeetingsChangeListener[] = [];

  onSessionChanged(listener: SessionChangeListener): void {
    this.listeners.push(listener);
  }

  onMeetingsChanged(listener: MeetingsChangeListener): void {
    this.meetingListeners.push(listener);
  }

  async meetingsChanged(tx: TransactionContext, editionId: string, emails: string[]): Promise<void> {
    for (const listener of this.meetingListeners) await listener(tx, editionId, emails);
  }

  async sessionChanged(tx: TransactionContext, sessionId: string, change: SessionChange): Promise<void> {
    for (const listener of this.listeners) await listener(tx, sessionId, change);
    this.logger.log({ sessionId, change, listeners: this.listeners.length }, 'conference session changed');
  }
}
