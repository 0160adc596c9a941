import { Entity, PrimaryColumn } from 'typeorm';
import { REALISATION_SCHEMA } from './schema';

/** A photo or file of a log entry: an idea attachment (uploaded through its checks) it points at. */
@Entity({ name: 'log_entry_attachment', ...REALISATION_SCHEMA })
export class LogEntryAttachment {
  @PrimaryColumn({ name: 'log_entry_id', type: 'uuid' })
  logEntryId!: string;

  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' })
  attachmentId!: string;
}
