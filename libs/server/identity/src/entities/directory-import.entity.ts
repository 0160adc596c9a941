import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';

export type DirectoryImportStatus = 'queued' | 'validating' | 'applying' | 'completed' | 'rejected' | 'failed';

export interface DirectoryImportRowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

/** One upload of the HR directory CSV, processed by the worker with visible progress. */
@Entity({ name: 'directory_import' })
export class DirectoryImport {
  @Col.UuidPrimary()
  id!: string;

  @Col.Text()
  status!: DirectoryImportStatus;

  @Col.Text('file_name')
  fileName!: string;

  /** Where the uploaded file is kept until processed (storage key). */
  @Col.Text('storage_key')
  storageKey!: string;

  @Column({ name: 'total_rows', type: 'integer', nullable: true })
  totalRows!: number | null;

  @Column({ name: 'processed_rows', type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount!: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount!: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount!: number;

  @Column({ name: 'deactivated_count', type: 'integer', default: 0 })
  deactivatedCount!: number;

  /** Every bad line, capped (the cap is reported) so a broken file cannot bloat the row. */
  @Column({ type: 'jsonb' })
  errors!: DirectoryImportRowError[];

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount!: number;

  @Col.Uuid('started_by', { nullable: true })
  startedBy!: string | null;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.Timestamp('finished_at', { nullable: true })
  finishedAt!: Date | null;
}
