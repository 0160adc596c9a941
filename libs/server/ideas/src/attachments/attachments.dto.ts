import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '@eclore/server-platform';
import { ATTACHMENT_TYPES, type AttachmentContentType } from './attachment-content';

/** Multipart body of the upload, for the OpenAPI description only (multer reads it). */
export class AttachmentUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'A PNG, JPEG or WebP image or a PDF document (type checked by content), at most 10 MB.',
  })
  file!: unknown;
}

export class IdeaAttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ideaId!: string;

  @ApiProperty({ description: 'Offered name on download; its extension follows the detected type.' })
  fileName!: string;

  @ApiProperty({ enum: Object.keys(ATTACHMENT_TYPES) })
  contentType!: AttachmentContentType;

  @ApiProperty({ description: 'Size of the stored copy (metadata stripped), in bytes.' })
  sizeBytes!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'Null when the uploader may not be shown to this viewer (an anonymous idea and its authors).',
  })
  uploadedBy!: PersonRefDto | null;

  @ApiProperty({ description: 'GET it to download the file.' })
  downloadUrl!: string;

  @ApiProperty({ description: 'The viewer may delete it.' })
  canDelete!: boolean;
}

export class IdeaAttachmentListDto {
  @ApiProperty({ type: [IdeaAttachmentDto], description: 'Oldest first.' })
  items!: IdeaAttachmentDto[];

  @ApiProperty({
    description: 'The viewer may add attachments now (authors while the idea is editable, the network in scope).',
  })
  canUpload!: boolean;

  @ApiProperty({ description: 'Largest accepted upload, in bytes.' })
  maxBytes!: number;

  @ApiProperty({ description: 'How many attachments an idea may have.' })
  maxCount!: number;

  @ApiProperty({ type: [String], description: 'Accepted content types.' })
  acceptedTypes!: string[];
}
