import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';

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

  @Col.Uuid('person_id')
  personId!: string;

  /** Synchronizer token: every state-changing request must echo it in X-CSRF-Token. */
  @Col.Text('csrf_token')
  csrfToken!: string;

  @Col.Text()
  method!: 'local' | 'oidc';

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('last_seen_at')
  lastSeenAt!: Date;

  /** Absolute timeout: the session ends then, however active. */
  @Col.Timestamp('expires_at')
  expiresAt!: Date;

  @Col.Timestamp('ended_at', { nullable: true })
  endedAt!: Date | null;

  @Col.Text('end_reason', { nullable: true })
  endReason!: 'logout' | 'deactivated' | 'idle' | 'expired' | 'revoked' | null;

  @Col.Text('ip', { nullable: true })
  ip!: string | null;

  @Col.Text('user_agent', { nullable: true })
  userAgent!: string | null;
}
