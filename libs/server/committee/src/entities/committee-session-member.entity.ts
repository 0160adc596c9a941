import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { CommitteeSession } from './committee-session.entity';

/** A committee member invited to a session; one chairs it. Presence is recorded when it closes. */
@Entity({ name: 'committee_session_member' })
export class CommitteeSessionMember {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'boolean', default: false })
  chair!: boolean;

  /** Null until the session closes; then whether they attended (for the minutes). */
  @Column({ type: 'boolean', nullable: true })
  present!: boolean | null;

  @Col.ManyToOne(() => CommitteeSession, 'session_id', { onDelete: 'CASCADE' })
  session?: CommitteeSession;

  @Col.ManyToOne(() => Person, 'person_id', { onDelete: 'CASCADE' })
  person?: Person;
}
