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
import type { Locale, SessionStatus } from '@eclore/domain';
import { Person } from '@eclore/server-identity';

/** A committee session (séance du comité): a dated meeting with members, an agenda and decisions. */
@Entity({ name: 'committee_session' })
@Index('ix_committee_session_scheduled', ['scheduledAt'])
export class CommitteeSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  /** The language the minutes are written in. */
  @Column({ type: 'text' })
  language!: Locale;

  /** planned → in_session → closed. */
  @Column({ type: 'text', default: 'planned' })
  status!: SessionStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: Person;
}
