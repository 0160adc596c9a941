import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A server-side session. The cookie holds a random token; only its SHA-256 is stored, so a database
 * leak gives no usable session. Ending all of a person's sessions is one UPDATE by person_id.
 */
@Entity({ name: 'user_session' })
@Index('ix_user_session_person_open', ['personId'], { where: 'ended_at IS NULL' })
export class UserSession {
  /** hex SHA-256 of the cookie token. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** Synchronizer token: every state-changing request must echo it in X-CSRF-Token. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken!: string;

  @Column({ type: 'text' })
  method!: 'local' | 'oidc';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute timeout: the session ends then, however active. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: 'logout' | 'deactivated' | 'idle' | 'expired' | 'revoked' | null;

  @Column({ name: 'ip', type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;
}
