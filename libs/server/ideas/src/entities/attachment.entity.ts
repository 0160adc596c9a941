import { Column, Entity, Index } from 'typeorm';
import { UuidPrimary, UuidColumn, TextColumn, CreatedAt, ManyToOneColumn } from '@eclore/server-platform';
import { Idea } from './idea.entity';

/** An image or PDF attached to an idea: type checked by content, size-limited, metadata stripped. */
@Entity({ name: 'idea_attachment' })
@Index('ix_idea_attachment_idea', ['ideaId'])
export class IdeaAttachment {
  @UuidPrimary()
  id!: string;

  @UuidColumn('idea_id')
  ideaId!: string;

  @TextColumn('storage_key')
  storageKey!: string;

  @TextColumn('file_name')
  fileName!: string;

  @TextColumn('content_type')
  contentType!: 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @UuidColumn('uploaded_by')
  uploadedBy!: string;

  @CreatedAt()
  createdAt!: Date;

  @ManyToOneColumn(() => Idea, 'idea_id', { onDelete: 'CASCADE' })
  idea?: Idea;
}
