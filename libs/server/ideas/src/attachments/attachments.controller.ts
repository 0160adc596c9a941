import {
  Controller,
  Delete,
  Get,
  HttpCode,
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
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission, Unauthenticated } from '@eclore/server-identity';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';
import {
  AttachmentIdeaParamDto,
  AttachmentParamDto,
  AttachmentUploadDto,
  IdeaAttachmentDto,
  IdeaAttachmentListDto,
} from './attachments.dto';
import { AttachmentsService, tooLarge, type UploadedAttachment } from './attachments.service';

/** "Étude coûts.pdf" → "Etude couts.pdf": accents dropped, anything else non-ASCII replaced. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

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

@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('ideas/:id/attachments')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiOperation({
    operationId: 'listIdeaAttachments',
    summary: "An idea's attachments, and whether the viewer may add some.",
  })
  @ApiOkResponse({ type: IdeaAttachmentListDto })
  @ApiNotFoundResponse({ description: '`idea_not_found`: no such idea, or one the viewer may not read.' })
  list(@Param() params: AttachmentIdeaParamDto, @CurrentActor() actor: Actor | null): Promise<IdeaAttachmentListDto> {
    return this.attachments.list(params.id, requireActor(actor));
  }

  @Post('ideas/:id/attachments')
  @RequirePermission('idea.edit', { objectLevel: true })
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachmentUploadDto })
  @ApiOperation({
    operationId: 'uploadIdeaAttachment',
    summary: 'Attach an image (PNG, JPEG, WebP) or a PDF to an idea.',
    description:
      'The type is decided from the content, never the name. Images are re-encoded and PDFs rewritten without their metadata (EXIF, GPS, XMP, document info); the uploaded bytes are not kept. Authors while the idea is a draft or returned; network members in scope at any time.',
  })
  @ApiCreatedResponse({ type: IdeaAttachmentDto })
  @ApiForbiddenResponse({ description: '`idea_not_editable` or `attachment_not_allowed`.' })
  @ApiNotFoundResponse({ description: '`idea_not_found`.' })
  @ApiConflictResponse({ description: '`attachment_limit_reached`.' })
  @ApiPayloadTooLargeResponse({ description: '`file_too_large` / `image_too_large` on field `file`.' })
  @ApiUnsupportedMediaTypeResponse({
    description: '`unsupported_file_type`, `unreadable_file` or `encrypted_pdf` on field `file`.',
  })
  upload(
    @Param() params: AttachmentIdeaParamDto,
    @UploadedFile() file: UploadedAttachment | undefined,
    @CurrentActor() actor: Actor | null,
  ): Promise<IdeaAttachmentDto> {
    return this.attachments.upload(params.id, file, requireActor(actor));
  }

  @Get('attachments/:id')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'application/pdf')
  @ApiOperation({
    operationId: 'downloadAttachment',
    summary: 'Download an attachment (whoever may read its idea).',
    description:
      'Always sent as a download (`Content-Disposition: attachment`) with `X-Content-Type-Options: nosniff`.',
  })
  @ApiOkResponse({ description: 'The stored file.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: '`attachment_not_found`.' })
  async download(
    @Param() params: AttachmentParamDto,
    @CurrentActor() actor: Actor | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(params.id, requireActor(actor));
    res.set({
      // An ASCII fallback plus the RFC 5987 UTF-8 name, so "Étude coûts.pdf" survives every browser.
      'Content-Disposition': contentDisposition(file.fileName, { fallback: asciiFallback(file.fileName) }),
      'Content-Type': file.contentType,
      'X-Content-Type-Options': 'nosniff',
      // Even if a browser were to render it, it gets no script and no origin.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-cache',
    });
    return new StreamableFile(file.stream, { length: file.sizeBytes });
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({ operationId: 'deleteAttachment', summary: 'Remove an attachment (same people as for adding one).' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: '`idea_not_editable` or `attachment_not_allowed`.' })
  @ApiNotFoundResponse({ description: '`attachment_not_found`.' })
  async remove(@Param() params: AttachmentParamDto, @CurrentActor() actor: Actor | null): Promise<void> {
    await this.attachments.remove(params.id, requireActor(actor));
  }
}
