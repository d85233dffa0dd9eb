import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A claimed Idempotency-Key. `in_progress` while the first request runs (until lockedUntil,
 * after which a crashed attempt may be taken over); `completed` holds the answer to replay.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_at_idx', ['createdAt'])
@Check('idempotency_keys_state_check', `state IN ('in_progress','completed')`)
export class IdempotencyKey {
  /** Who and which operation the key belongs to: keys of different callers never collide. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Hash of the request; the same key with another body is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  state: 'in_progress' | 'completed';

  @Column({ type: 'timestamptz' })
  lockedUntil: Date;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  /** The answer's body exactly as it was sent (text, not jsonb: a replay is byte-identical). Null for an empty body. */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
