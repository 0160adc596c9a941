import { Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

export type ContributionClaimStatus = 'pending' | 'granted' | 'refused';

/**
 * A person's claim to be named on all their anonymous contributions to one idea, decided by the
 * anonymity guardian (docs/recognition.md §1; migration 1796600470000-ContributionClaims).
 */
@Entity({ name: 'contribution_claim', ...RECOGNITION_SCHEMA })
export class ContributionClaim {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('person_id')
  personId!: string;

  @Col.Text('status')
  status!: ContributionClaimStatus;

  @Col.Timestamp('requested_at', { default: () => 'now()' })
  requestedAt!: Date;

  @Col.Timestamp('decided_at', { nullable: true })
  decidedAt!: Date | null;

  @Col.Uuid('decided_by', { nullable: true })
  decidedBy!: string | null;

  @Col.Text('reason', { nullable: true })
  reason!: string | null;
}
