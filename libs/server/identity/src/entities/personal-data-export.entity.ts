import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { PersonOwnedRow } from './person-owned-row';

export type PersonalDataExportStatus = 'queued' | 'building' | 'ready' | 'failed';

/**
 * One "download my data" request, built by the worker with visible progress. The archive is kept in
 * the file store until `expires_at`; only the person who asked may download it (docs/personal-data.md).
 */
@Entity({ name: 'personal_data_export' })
@Index('ix_personal_data_export_person', ['personId', 'createdAt'])
export class PersonalDataExport extends PersonOwnedRow {
  @Col.Text()
  status!: PersonalDataExportStatus;

  /** Steps done of `total_steps` (one per data category, then one per attachment). */
  @Column({ name: 'done_steps', type: 'integer', default: 0 })
  doneSteps!: number;

  @Column({ name: 'total_steps', type: 'integer', nullable: true })
  totalSteps!: number | null;

  /** Where the archive is kept once built (storage key chosen by the server). */
  @Col.Text('storage_key', { nullable: true })
  storageKey!: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('finished_at', { nullable: true })
  finishedAt!: Date | null;

  /** After this the download is refused and the archive removed. */
  @Col.Timestamp('expires_at', { nullable: true })
  expiresAt!: Date | null;
}
