import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
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
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The "Comment pourrions-nous… ?" question that prompts ideas. */
  @Column({ type: 'text' })
  question!: string;

  /** Sanitised HTML. */
  @Column({ name: 'description_html', type: 'text' })
  descriptionHtml!: string;

  @Column({ name: 'sponsor_id', type: 'uuid', nullable: true })
  sponsorId!: string | null;

  /** Org units (with their subtrees) invited to take part; empty = the whole organisation. */
  @Column({ name: 'audience_org_unit_ids', type: 'uuid', array: true })
  audienceOrgUnitIds!: string[];

  @Column({ name: 'submission_rules', type: 'jsonb' })
  submissionRules!: SubmissionRules;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'sponsor_id' })
  sponsor?: Person | null;
}
