import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';

/**
 * One reviewer's scorecard (grille d'évaluation) for one idea: a draft until submitted; submitting
 * again updates the same row, so each reviewer counts once in the consolidation.
 */
@Entity({ name: 'scorecard' })
@Index('ux_scorecard_idea_reviewer', ['ideaId', 'reviewerId'], { unique: true })
export class Scorecard {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idea_id', type: 'uuid' })
  ideaId!: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId!: string;

  @Column({ type: 'text' })
  status!: 'draft' | 'submitted';

  /** Criterion key → level 1–5 (checked by the domain's validateScores). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores!: Record<string, number>;

  @Column({ type: 'text', default: '' })
  comment!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id' })
  idea?: Idea;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Person;
}
