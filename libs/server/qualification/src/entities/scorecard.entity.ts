import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/**
 * One reviewer's scorecard (grille d'évaluation) for one idea: a draft until submitted; submitting
 * again updates the same row, so each reviewer counts once in the consolidation.
 */
@Entity({ name: 'scorecard' })
@Index('ux_scorecard_idea_reviewer', ['ideaId', 'reviewerId'], { unique: true })
export class Scorecard {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Uuid('reviewer_id')
  reviewerId!: string;

  @Col.Text()
  status!: 'draft' | 'submitted';

  /** Criterion key → level 1–5 (checked by the domain's validateScores). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  @Column({ type: 'text', default: '' })
  comment!: string;

  @Col.Timestamp('submitted_at', { nullable: true })
  submittedAt!: Date | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.UpdatedAt()
  updatedAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @Col.ManyToOne(() => Person, 'reviewer_id', { onDelete: 'CASCADE' })
  reviewer?: Person;
}
