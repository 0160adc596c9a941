import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Campaign } from './campaign.entity';

export type IdeaKindColumn = 'problem' | 'solution';
export type IdeaStatusColumn =
  | 'emerge'
  | 'collect'
  | 'visible'
  | 'qualify'
  | 'decide'
  | 'prototype'
  | 'implement'
  | 'follow_up'
  | 'returned'
  | 'withdrawn'
  | 'merged'
  | 'declined'
  | 'parked'
  | 'stopped'
  | 'closed';

/**
 * A problem (problématique) or a solution (proposition de solution). The status is the lifecycle
 * position (libs/domain/src/ideas); the orthogonal facts (submitted, published, withdrawn, the answer
 * and when it was made public, merge target, parking date, moderation) are separate columns and the
 * "not answered yet" kind of states are derived, never stored.
 */
@Entity({ name: 'idea' })
@Index('ix_idea_wall_newest', ['publishedAt', 'id'], { where: 'published_at IS NOT NULL AND hidden_at IS NULL' })
@Index('ix_idea_campaign', ['campaignId'])
@Index('ix_idea_status', ['status'])
@Index('ix_idea_search_document', { synchronize: false })
@Index('ix_idea_title_trgm', { synchronize: false })
// Wall indexes, hand-written in the WallIndexes migration (partial/GIN).
@Index('ix_idea_wall_supported', { synchronize: false })
@Index('ix_idea_themes', { synchronize: false })
export class Idea {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: IdeaKindColumn;

  @Column({ type: 'text' })
  status!: IdeaStatusColumn;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** Rich text, sanitised on the server before it is stored. */
  @Column({ name: 'body_html', type: 'text', default: '' })
  bodyHtml!: string;

  /** Problem: who suffers the irritant. */
  @Column({ name: 'who_suffers', type: 'text', nullable: true })
  whoSuffers!: string | null;

  /** Problem: how often it happens. */
  @Column({ type: 'text', nullable: true })
  frequency!: 'daily' | 'weekly' | 'monthly' | 'occasionally' | null;

  /** Solution: the expected benefits. */
  @Column({ name: 'expected_benefits', type: 'text', nullable: true })
  expectedBenefits!: string | null;

  /** Solution: what it needs (people, money, tools). */
  @Column({ type: 'text', nullable: true })
  needs!: string | null;

  /** The org unit concerned (routing and scoped roles use its path). */
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes!: string[];

  /** Null = the always-open box. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** The author chose anonymity: identity shown to nobody but the authors and the anonymity guardian. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /** The person credited as author (for a capture on someone's behalf: the real author). */
  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  /** A network member who captured it on the author's behalf (workshop, paper form). */
  @Column({ name: 'captured_by', type: 'uuid', nullable: true })
  capturedBy!: string | null;

  @Column({ name: 'capture_channel', type: 'text', nullable: true })
  captureChannel!: 'workshop' | 'paper' | 'other' | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  /** The reasoned answer given to the authors (return, qualification, decision...). */
  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText!: string | null;

  @Column({ name: 'answer_given_at', type: 'timestamptz', nullable: true })
  answerGivenAt!: Date | null;

  @Column({ name: 'answer_published_at', type: 'timestamptz', nullable: true })
  answerPublishedAt!: Date | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @Column({ name: 'parked_until', type: 'timestamptz', nullable: true })
  parkedUntil!: Date | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason!: string | null;

  /** Counters kept in the same transaction as the rows they count (the wall sorts on them). */
  @Column({ name: 'support_count', type: 'integer', default: 0 })
  supportCount!: number;

  @Column({ name: 'comment_count', type: 'integer', default: 0 })
  commentCount!: number;

  @Column({ name: 'follower_count', type: 'integer', default: 0 })
  followerCount!: number;

  /**
   * French + English full-text document, accent-insensitive; maintained by a trigger (see the
   * migration) because unaccent() cannot appear in a generated column.
   */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false })
  searchDocument!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic lock: two concurrent edits cannot silently overwrite each other. */
  @VersionColumn({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Person;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'captured_by' })
  capturer?: Person | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit | null;

  @ManyToOne(() => Campaign, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign | null;

  @ManyToOne(() => Idea, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Idea | null;
}
