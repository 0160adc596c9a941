import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  canEditIdea,
  hasRole,
  isSystemActor,
  type Actor,
} from '@eclore/domain';
import { FileStorage } from '@eclore/server-platform';
import { findPeople } from '@eclore/server-identity';
import type { IdeaAttachment } from '../entities';
import { IdeaAccess, type LoadedIdea } from '../ideas/idea-access.service';
import { hiddenActorIds, viewerSeesAuthors } from '../ideas/idea-presenter';
import {
  ATTACHMENT_TYPES,
  AttachmentTooLarge,
  MAX_ATTACHMENT_BYTES,
  attachmentFileName,
  detectAttachmentType,
  stripMetadata,
  type AttachmentContentType,
} from './attachment-content';
import type { IdeaAttachmentDto, IdeaAttachmentListDto } from './attachments.dto';
import { AttachmentsRepository } from './attachments.repository';

/** How many files one idea may carry. */
export const MAX_ATTACHMENTS_PER_IDEA = 10;

/** What multer (memory storage) hands over; only these fields are used. */
export interface UploadedAttachment {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface AttachmentDownload {
  stream: Readable;
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
}

/**
 * Files attached to ideas. Readers of the idea list and download them; its authors (while the idea
 * is in their hands) and the innovation network in scope add and remove them. What is stored is a
 * re-encoded copy without metadata, never the uploaded bytes.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('AttachmentsService');

  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly ideas: IdeaAccess,
    private readonly storage: FileStorage,
  ) {}

  async list(ideaId: string, actor: Actor): Promise<IdeaAttachmentListDto> {
    const manager = this.repo.manager;
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    const rows = await this.repo.ofIdea(ideaId, manager);
    const canManage = this.canManage(loaded);
    return {
      items: await this.present(manager, loaded, rows, canManage),
      canUpload: this.canUpload(loaded),
      maxBytes: MAX_ATTACHMENT_BYTES,
      maxCount: MAX_ATTACHMENTS_PER_IDEA,
      acceptedTypes: Object.keys(ATTACHMENT_TYPES),
    };
  }

  async upload(ideaId: string, file: UploadedAttachment | undefined, actor: Actor): Promise<IdeaAttachmentDto> {
    if (!file || file.size === 0) {
      throw new ValidationFailed([{ field: 'file', code: 'isNotEmpty', message: 'Choose a file to attach.' }]);
    }
    if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
    // Permission first, so a refusal never depends on what was sent.
    this.assertCanUpload(await this.ideas.loadReadable(this.repo.manager, ideaId, actor));

    const contentType = await detectAttachmentType(file.buffer);
    const stripped = await stripMetadata(file.buffer, contentType);
    const id = randomUUID();
    const storageKey = `idea-attachments/${ideaId}/${id}.${ATTACHMENT_TYPES[contentType]}`;
    const fileName = attachmentFileName(file.originalname, contentType);
    await this.storage.put(storageKey, stripped);
    try {
      const { loaded, row } = await this.repo.transaction(async (manager) => {
        // The idea's row lock serialises uploads, so two at once cannot pass the count limit together.
        const locked = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
        this.assertCanUpload(locked);
        const count = await this.repo.countOnIdea(ideaId, manager);
        if (count >= MAX_ATTACHMENTS_PER_IDEA) {
          throw new Conflict(
            'attachment_limit_reached',
            `An idea may have at most ${MAX_ATTACHMENTS_PER_IDEA} attachments.`,
          );
        }
        const stored = await this.repo.insert(
          { id, ideaId, storageKey, fileName, contentType, sizeBytes: stripped.length, uploadedBy: actor.personId },
          manager,
        );
        await this.ideas.appendEvent(manager, {
          ideaId,
          type: 'attachment_added',
          fromStatus: null,
          toStatus: null,
          actorId: actor.personId,
          public: false,
          data: { attachmentId: id, fileName, contentType },
        });
        return { loaded: locked, row: stored };
      });
      const [dto] = await this.present(this.repo.manager, loaded, [row], true);
      return dto!;
    } catch (err) {
      await this.discard(storageKey);
      throw err;
    }
  }

  async download(attachmentId: string, actor: Actor): Promise<AttachmentDownload> {
    const row = await this.findReadable(this.repo.manager, attachmentId, actor);
    return {
      stream: await this.storage.openRead(row.attachment.storageKey),
      fileName: row.attachment.fileName,
      contentType: row.attachment.contentType,
      sizeBytes: row.attachment.sizeBytes,
    };
  }

  async remove(attachmentId: string, actor: Actor): Promise<void> {
    const storageKey = await this.repo.transaction(async (manager) => {
      const found = await this.findReadable(manager, attachmentId, actor, { lock: true });
      this.assertCanManage(found.loaded);
      await this.repo.delete(attachmentId, manager);
      await this.ideas.appendEvent(manager, {
        ideaId: found.attachment.ideaId,
        type: 'attachment_removed',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: { attachmentId, fileName: found.attachment.fileName },
      });
      return found.attachment.storageKey;
    });
    // After the commit: a failed removal leaves an orphan file, never a row without its file.
    await this.discard(storageKey);
  }

  /** Authors while the idea is in their hands (draft, returned), and network members whose scope covers it. */
  private canManage(loaded: LoadedIdea): boolean {
    const { actor, target } = loaded.viewer;
    if (canEditIdea(loaded.state, loaded.viewer).allowed) return true;
    return !isSystemActor(actor) && hasRole(actor, 'network_member', target);
  }

  /**
   * Adding a file: whoever manages them, and the idea team while the idea is prototyped (the photos
   * and files of its log book). The team cannot delete: a log book is append-only once written.
   */
  private canUpload(loaded: LoadedIdea): boolean {
    if (this.canManage(loaded)) return true;
    return loaded.viewer.isIdeaTeamMember && loaded.state.status === 'prototype';
  }

  private assertCanUpload(loaded: LoadedIdea): void {
    if (!this.canUpload(loaded)) this.assertCanManage(loaded);
  }

  private assertCanManage(loaded: LoadedIdea): void {
    if (!this.canManage(loaded)) {
      throw new Forbidden(
        loaded.viewer.isAuthor ? 'idea_not_editable' : 'attachment_not_allowed',
        loaded.viewer.isAuthor
          ? 'Attachments can be changed only while the idea is a draft or returned to its authors.'
          : 'Only the authors and the innovation network may change the attachments of this idea.',
      );
    }
  }

  /** The attachment and its idea, if the actor may read that idea; otherwise answered as absent. */
  private async findReadable(
    manager: EntityManager,
    attachmentId: string,
    actor: Actor,
    options: { lock?: boolean } = {},
  ): Promise<{ attachment: IdeaAttachment; loaded: LoadedIdea }> {
    const attachment = await this.repo.findById(attachmentId, manager);
    if (!attachment) throw new NotFound('attachment', attachmentId);
    try {
      return { attachment, loaded: await this.ideas.loadReadable(manager, attachment.ideaId, actor, options) };
    } catch (err) {
      // Do not reveal that an attachment exists on an idea the actor cannot see.
      if (err instanceof NotFound) throw new NotFound('attachment', attachmentId);
      throw err;
    }
  }

  /**
   * Attachments as this viewer may see them. The uploader is left out whenever showing them could
   * reveal a hidden author: on an anonymous idea (for all but its authors), and for an author whose
   * own credit is hidden (an anonymous idea merged into this one).
   */
  private async present(
    manager: EntityManager,
    loaded: LoadedIdea,
    rows: readonly IdeaAttachment[],
    canManage: boolean,
  ): Promise<IdeaAttachmentDto[]> {
    const showAuthors = viewerSeesAuthors(loaded.idea, loaded.viewer);
    const hidden = hiddenActorIds(loaded.idea, loaded.authors, loaded.viewer);
    const uploaderIds = [...new Set(rows.map((r) => r.uploadedBy))];
    const people = await findPeople(manager, uploaderIds);
    const byId = new Map(people.map((p) => [p.id, p]));
    return rows.map((r) => {
      const person = byId.get(r.uploadedBy);
      const mayShow = person !== undefined && (showAuthors || !loaded.idea.anonymous) && !hidden.has(r.uploadedBy);
      return {
        id: r.id,
        ideaId: r.ideaId,
        fileName: r.fileName,
        contentType: r.contentType,
        sizeBytes: r.sizeBytes,
        createdAt: r.createdAt.toISOString(),
        uploadedBy: mayShow ? { id: person.id, givenName: person.givenName, familyName: person.familyName } : null,
        downloadUrl: `/api/attachments/${r.id}`,
        canDelete: canManage,
      };
    });
  }

  private async discard(storageKey: string): Promise<void> {
    try {
      await this.storage.remove(storageKey);
    } catch (err) {
      this.logger.warn({ err, storageKey }, 'Could not remove an attachment file; it is left as an orphan');
    }
  }
}

export function tooLarge(): AttachmentTooLarge {
  return new AttachmentTooLarge(
    'file_too_large',
    `The file is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.`,
  );
}
