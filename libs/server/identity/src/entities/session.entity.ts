import { Entity, Index, PrimaryColumn } from 'typeorm';
import { UuidColumn, TimestampColumn, TextColumn, CreatedAt } from '@eclore/server-platform';

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

  @UuidColumn('person_id')
  personId!: string;

  /** Synchronizer token: every state-changing request must echo it in X-CSRF-Token. */
  @TextColumn('csrf_token')
  csrfToken!: string;

  @TextColumn()
  method!: 'local' | 'oidc';

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn('last_seen_at')
  lastSeenAt!: Date;

  /** Absolute timeout: the session ends then, however active. */
  @TimestampColumn('expires_at')
  expiresAt!: Date;

  @TimestampColumn('ended_at', { nullable: true })
  endedAt!: Date | null;

  @TextColumn('end_reason', { nullable: true })
  endReason!: 'logout' | 'deactivated' | 'idle' | 'expired' | 'revoked' | null;

  @TextColumn('ip', { nullable: true })
  ip!: string | null;

  @TextColumn('user_agent', { nullable: true })
  userAgent!: string | null;
}
