import { Column, Entity, Index } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { Idea } from './idea.entity';

/** An image or PDF attached to an idea: type checked by content, size-limited, metadata stripped. */
@Entity({ name: 'idea_attachment' })
@Index('ix_idea_attachment_idea', ['ideaId'])
export class IdeaAttachment {
  @Col.UuidPrimary()
  id!: string;

  @Col.Uuid('idea_id')
  ideaId!: string;

  @Col.Text('storage_key')
  storageKey!: string;

  @Col.Text('file_name')
  fileName!: string;

  @Col.Text('content_type')
  contentType!: 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Col.Uuid('uploaded_by')
  uploadedBy!: string;

  @Col.CreatedAt()
  createdAt!: Date;

  @Col.ManyToOne(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
