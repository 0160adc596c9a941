import { Column, Entity } from 'typeorm';
import { Col, CreatedRecord } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';

/** What a valid submission must contain (règles de dépôt); the always-open box has defaults. */
export interface SubmissionRules {
  requiredFields: (
    'summary' | 'body' | 'orgUnit' | 'themes' | 'whoSuffers' | 'frequency' | 'expectedBenefits' | 'needs'
  )[];
  titleMaxLength: number;
  summaryMaxLength: number;
  bodyMinLength: number;
  allowedKinds: ('problem' | 'solution')[];
}

/** A call for ideas (appel à idées) around a "How might we…?" question, with phases and an audience. */
@Entity({ name: 'campaign' })
export class Campaign extends CreatedRecord {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  title!: string;

  /** The "Comment pourrions-nous… ?" question that prompts ideas. */
  @Col.Text()
  question!: string;

  /** Sanitised HTML. */
  @Col.Text('description_html')
  descriptionHtml!: string;

  @Col.Uuid('sponsor_id', { nullable: true })
  sponsorId!: string | null;

  /** Org units (with their subtrees) invited to take part; empty = the whole organisation. */
  @Col.Uuid('audience_org_unit_ids', { array: true })
  audienceOrgUnitIds!: string[];

  @Column({ name: 'submission_rules', type: 'jsonb' })
  submissionRules!: SubmissionRules;

  @Col.Timestamp('archived_at', { nullable: true })
  archivedAt!: Date | null;

  @Col.ManyToOne(() => Person, 'sponsor_id', { onDelete: 'SET NULL', nullable: true })
  sponsor?: Person | null;
}
