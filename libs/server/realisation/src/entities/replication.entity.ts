import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

export type ReplicationStatus = 'requested' | 'active' | 'declined' | 'withdrawn';

/** A unit's request to adopt an implemented idea; once active, its replica is a project of its own. */
@Entity({ name: 'replication', ...REALISATION_SCHEMA })
export class Replication {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('original_project_id')
  originalProjectId!: string;

  @Col.Uuid('replica_project_id', { nullable: true })
  replicaProjectId!: string | null;

  @Col.Uuid('org_unit_id')
  orgUnitId!: string;

  @Col.Uuid('requested_by')
  requestedBy!: string;

  @Col.Text('status', { default: 'requested' })
  status!: ReplicationStatus;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('decided_at', { nullable: true })
  decidedAt!: Date | null;
}
