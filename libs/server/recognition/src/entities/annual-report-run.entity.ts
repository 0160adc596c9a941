import { Column, Entity } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { RECOGNITION_SCHEMA } from './schema';

export type AnnualReportStatus = 'queued' | 'running' | 'done' | 'failed';

/** One request of the annual report for a (year, scope); at most one queued or running per pair. */
@Entity({ name: 'annual_report_run', ...RECOGNITION_SCHEMA })
export class AnnualReportRun {
  @Col.UuidPrimary()
  id!: string;

  @Column({ type: 'smallint' })
  year!: number;

  /** An org unit, or null for the whole organisation. */
  @Col.Uuid('scope_unit_id', { nullable: true })
  scopeUnitId!: string | null;

  @Col.Text('status', { default: 'queued' })
  status!: AnnualReportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Col.Uuid('requested_by', { nullable: true })
  requestedBy!: string | null;

  @Col.Timestamp('requested_at', { default: () => 'now()' })
  requestedAt!: Date;

  @Col.Timestamp('started_at', { nullable: true })
  startedAt!: Date | null;

  @Col.Timestamp('finished_at', { nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ type: 'jsonb', nullable: true })
  figures!: Record<string, unknown> | null;

  @Col.Text('pdf_fr_key', { nullable: true })
  pdfFrKey!: string | null;

  @Col.Text('pdf_en_key', { nullable: true })
  pdfEnKey!: string | null;

  @Col.Text('xlsx_key', { nullable: true })
  xlsxKey!: string | null;

  @Col.Text('error', { nullable: true })
  error!: string | null;

  /** The key of the run's signed download links (never sent); read only where a link is made or checked. */
  @Col.Text('link_secret', { nullable: true, select: false })
  linkSecret!: string | null;
}
