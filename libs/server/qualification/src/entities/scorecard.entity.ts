import { Column, Entity, Index } from 'typeorm';
import {
  UuidPrimary,
  UuidColumn,
  TimestampColumn,
  TextColumn,
  CreatedAt,
  UpdatedAt,
  ManyToOneColumn,
} from '@eclore/server-platform';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/**
 * One reviewer's scorecard (grille d'évaluation) for one idea: a draft until submitted; submitting
 * again updates the same row, so each reviewer counts once in the consolidation.
 */
@Entity({ name: 'scorecard' })
@Index('ux_scorecard_idea_reviewer', ['ideaId', 'reviewerId'], { unique: true })
export class Scorecard {
  @UuidPrimary()
  id!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  @UuidColumn('reviewer_id')
  reviewerId!: string;

  @TextColumn()
  status!: 'draft' | 'submitted';

  /** Criterion key → level 1–5 (checked by the domain's validateScores). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  @Column({ type: 'text', default: '' })
  comment!: string;

  @TimestampColumn('submitted_at', { nullable: true })
  submittedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;

  @ManyToOneColumn(() => Person, 'reviewer_id', { onDelete: 'CASCADE' })
  reviewer?: Person;
}
