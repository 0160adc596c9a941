import { Column, Entity, Index, VersionColumn, VirtualColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Campaign } from './campaign.entity';

/** A count from idea_counter, as a scalar subquery on the idea's alias (0 if the row is missing). */
const counter = (idea: string, column: 'support_count' | 'comment_count' | 'follower_count') =>
  `SELECT coalesce((SELECT c.${column} FROM idea_counter c WHERE c.idea_id = ${idea}.id), 0)`;

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
// The document with its filter values (migrations SearchByWeek, SearchFilterLexemes), for filtered searches.
@Index('ix_idea_search_dated', { synchronize: false })
// Each word with its week of publication (migration SearchWordsByWeek), for windowed searches.
@Index('ix_idea_search_weekly', { synchronize: false })
@Index('ix_idea_title_trgm', { synchronize: false })
// Wall indexes, hand-written in the WallIndexes migration (partial/GIN).
@Index('ix_idea_wall_supported', { synchronize: false })
@Index('ix_idea_themes', { synchronize: false })
export class Idea {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  kind!: IdeaKindColumn;

  @Col.Text()
  status!: IdeaStatusColumn;

  @Col.Text()
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** Rich text, sanitised on the server before it is stored. */
  @Col.Text('body_html', { default: '' })
  bodyHtml!: string;

  /** Problem: who suffers the irritant. */
  @Col.Text('who_suffers', { nullable: true })
  whoSuffers!: string | null;

  /** Problem: how often it happens. */
  @Column({ type: 'text', nullable: true })
  frequency!: 'daily' | 'weekly' | 'monthly' | 'occasionally' | null;

  /** Solution: the expected benefits. */
  @Col.Text('expected_benefits', { nullable: true })
  expectedBenefits!: string | null;

  /** Solution: what it needs (people, money, tools). */
  @Column({ type: 'text', nullable: true })
  needs!: string | null;

  /** The org unit concerned (routing and scoped roles use its path). */
  @Col.Uuid('org_unit_id', { nullable: true })
  orgUnitId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes!: string[];

  /** Null = the always-open box. */
  @Col.Uuid('campaign_id', { nullable: true })
  campaignId!: string | null;

  /** The author chose anonymity: identity shown to nobody but the authors and the anonymity guardian. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /** The person credited as author (for a capture on someone's behalf: the real author). */
  @Col.Uuid('author_id')
  authorId!: string;

  /** A network member who captured it on the author's behalf (workshop, paper form). */
  @Col.Uuid('captured_by', { nullable: true })
  capturedBy!: string | null;

  @Col.Text('capture_channel', { nullable: true })
  captureChannel!: 'workshop' | 'paper' | 'other' | null;

  @Col.Timestamp('submitted_at', { nullable: true })
  submittedAt!: Date | null;

  @Col.Timestamp('published_at', { nullable: true })
  publishedAt!: Date | null;

  @Col.Timestamp('withdrawn_at', { nullable: true })
  withdrawnAt!: Date | null;

  /** The reasoned answer given to the authors (return, qualification, decision...). */
  @Col.Text('answer_text', { nullable: true })
  answerText!: string | null;

  @Col.Timestamp('answer_given_at', { nullable: true })
  answerGivenAt!: Date | null;

  @Col.Timestamp('answer_published_at', { nullable: true })
  answerPublishedAt!: Date | null;

  @Col.Uuid('merged_into_id', { nullable: true })
  mergedIntoId!: string | null;

  @Col.Timestamp('parked_until', { nullable: true })
  parkedUntil!: Date | null;

  @Col.Timestamp('hidden_at', { nullable: true })
  hiddenAt!: Date | null;

  @Col.Text('hidden_reason', { nullable: true })
  hiddenReason!: string | null;

  /**
   * Counters, kept in the same transaction as the rows they count, live in the narrow `idea_counter`
   * table (migration IdeaCounters: a support must not rewrite the idea row and its search index).
   * Read-only here; engagement/counters.ts writes them.
   */
  @VirtualColumn({ type: 'integer', query: (idea) => counter(idea, 'support_count') })
  supportCount!: number;

  @VirtualColumn({ type: 'integer', query: (idea) => counter(idea, 'comment_count') })
  commentCount!: number;

  @VirtualColumn({ type: 'integer', query: (idea) => counter(idea, 'follower_count') })
  followerCount!: number;

  /**
   * French + English full-text document, accent-insensitive; maintained by a trigger (see the
   * migration) because unaccent() cannot appear in a generated column.
   */
  @Column({ name: 'search_document', type: 'tsvector', nullable: true, select: false })
  searchDocument!: string | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;

  /** Optimistic lock: two concurrent edits cannot silently overwrite each other. */
  @VersionColumn({ type: 'integer' })
  version!: number;

  @Col.ManyToOne(() => Person, 'author_id', { onDelete: 'RESTRICT' })
  author?: Person;

  @Col.ManyToOne(() => Person, 'captured_by', { onDelete: 'SET NULL', nullable: true })
  capturer?: Person | null;

  @Col.ManyToOne(() => OrgUnit, 'org_unit_id', { onDelete: 'SET NULL', nullable: true })
  orgUnit?: OrgUnit | null;

  @Col.ManyToOne(() => Campaign, 'campaign_id', { onDelete: 'RESTRICT', nullable: true })
  campaign?: Campaign | null;

  @Col.ManyToOne(() => Idea, 'merged_into_id', { onDelete: 'SET NULL', nullable: true })
  mergedInto?: Idea | null;
}
