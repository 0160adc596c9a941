import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

export type PersonalDataExportStatus = 'queued' | 'building' | 'ready' | 'failed';

/**
 * One "download my data" request, built by the worker with visible progress. The archive is kept in
 * the file store until `expires_at`; only the person who asked may download it (docs/personal-data.md).
 */
@Entity({ name: 'personal_data_export' })
@Index('ix_personal_data_export_person', ['personId', 'createdAt'])
export class PersonalDataExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  status!: PersonalDataExportStatus;

  /** Steps done of `total_steps` (one per data category, then one per attachment). */
  @Column({ name: 'done_steps', type: 'integer', default: 0 })
  doneSteps!: number;

  @Column({ name: 'total_steps', type: 'integer', nullable: true })
  totalSteps!: number | null;

  /** Where the archive is kept once built (storage key chosen by the server). */
  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey!: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** After this the download is refused and the archive removed. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;
}
