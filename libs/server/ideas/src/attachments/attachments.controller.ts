import {
  Controller,
  Delete,
  Get,
  Injectable,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { Actor } from '@eclore/domain';
import { CurrentActor, Unauthenticated } from '@eclore/server-identity';
import { Endpoint, IdParamDto, sendDownload } from '@eclore/server-platform';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';
import { AttachmentUploadDto, IdeaAttachmentDto, IdeaAttachmentListDto } from './attachments.dto';
import { AttachmentsService, tooLarge, type UploadedAttachment } from './attachments.service';

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

/**
 * multer (memory storage) stops reading at the limit; its refusal becomes our 413 naming `file`,
 * like every other refusal of the upload.
 */
@Injectable()
class AttachmentUploadInterceptor extends FileInterceptor('file', {
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 },
  // Browsers send the file name as raw UTF-8; multer's default (latin1) would garble "Étude.pdf".
  defParamCharset: 'utf8',
} as Parameters<typeof FileInterceptor>[1]) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) throw tooLarge();
      throw err;
    }
  }
}

/** An idea's attachments: the list, and adding one. */
@ApiTags('attachments')
@Controller('ideas/:id/attachments')
export class IdeaAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @Endpoint({
    permission: { action: 'idea.read', objectLevel: true },
    operationId: 'listIdeaAttachments',
    summary: "An idea's attachments, and whether the viewer may add some.",
    ok: IdeaAttachmentListDto,
    errors: ['idea_not_found'],
    errorText: {
      404: '`idea_not_found`: no such idea, or one the viewer may not read.',
    },
  })
  list(@Param() params: IdParamDto, @CurrentActor() actor: Actor | null): Promise<IdeaAttachmentListDto> {
    return this.attachments.list(params.id, requireActor(actor));
  }

  @Post()
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @Endpoint({
    permission: { action: 'idea.edit', objectLevel: true },
    operationId: 'uploadIdeaAttachment',
    summary: 'Attach an image (PNG, JPEG, WebP) or a PDF to an idea.',
    description:
      'The type is decided from the content, never the name. Images are re-encoded and PDFs rewritten without their metadata (EXIF, GPS, XMP, document info); the uploaded bytes are not kept. Authors while the idea is a draft or returned; network members in scope at any time.',
    ok: IdeaAttachmentDto,
    status: 201,
    errors: [
      'idea_not_editable',
      'attachment_not_allowed',
      'idea_not_found',
      'attachment_limit_reached',
      'file_too_large',
      'image_too_large',
      'unsupported_file_type',
      'unreadable_file',
      'encrypted_pdf',
    ],
    errorText: {
      403: '`idea_not_editable` or `attachment_not_allowed`.',
      404: '`idea_not_found`.',
      409: '`attachment_limit_reached`.',
      413: '`file_too_large` / `image_too_large` on field `file`.',
      415: '`unsupported_file_type`, `unreadable_file` or `encrypted_pdf` on field `file`.',
    },
  })
  upload(
    @Param() params: IdParamDto,
    @UploadedFile() file: UploadedAttachment | undefined,
    @CurrentActor() actor: Actor | null,
  ): Promise<IdeaAttachmentDto> {
    return this.attachments.upload(params.id, file, requireActor(actor));
  }
}

/** One attachment: its download and its removal. */
@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'application/pdf')
  @Endpoint({
    permission: { action: 'idea.read', objectLevel: true },
    operationId: 'downloadAttachment',
    summary: 'Download an attachment (whoever may read its idea).',
    description:
      'Always sent as a download (`Content-Disposition: attachment`) with `X-Content-Type-Options: nosniff`.',
    ok: { description: 'The stored file.', binary: true },
    errors: ['attachment_not_found'],
    errorText: { 404: '`attachment_not_found`.' },
  })
  async download(
    @Param() params: IdParamDto,
    @CurrentActor() actor: Actor | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(params.id, requireActor(actor));
    return sendDownload(res, {
      fileName: file.fileName,
      contentType: file.contentType,
      content: file.stream,
      sizeBytes: file.sizeBytes,
    });
  }

  @Delete(':id')
  @Endpoint({
    permission: { action: 'idea.edit', objectLevel: true },
    operationId: 'deleteAttachment',
    summary: 'Remove an attachment (same people as for adding one).',
    ok: 'noContent',
    errors: ['idea_not_editable', 'attachment_not_allowed', 'attachment_not_found'],
    errorText: {
      403: '`idea_not_editable` or `attachment_not_allowed`.',
      404: '`attachment_not_found`.',
    },
  })
  async remove(@Param() params: IdParamDto, @CurrentActor() actor: Actor | null): Promise<void> {
    await this.attachments.remove(params.id, requireActor(actor));
  }
}
