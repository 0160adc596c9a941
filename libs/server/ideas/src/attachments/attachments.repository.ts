import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { IdeaAttachment } from '../entities';
import { IdeasContextRepository } from '../repository';

/** An attachment row to write (its id chosen before the file is stored). */
export type NewAttachment = Pick<
  IdeaAttachment,
  'id' | 'ideaId' | 'storageKey' | 'fileName' | 'contentType' | 'sizeBytes' | 'uploadedBy'
>;

/** Every query of the attachments; each method runs in the caller's transaction when given its manager. */
@Injectable()
export class AttachmentsRepository extends IdeasContextRepository {
  ofIdea(ideaId: string, manager = this.ds.manager): Promise<IdeaAttachment[]> {
    return manager.find(IdeaAttachment, { where: { ideaId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  countOnIdea(ideaId: string, manager: EntityManager): Promise<number> {
    return manager.count(IdeaAttachment, { where: { ideaId } });
  }

  findById(id: string, manager = this.ds.manager): Promise<IdeaAttachment | null> {
    return manager.findOneBy(IdeaAttachment, { id });
  }

  /** Inserts the row and answers it as stored (with its creation time). */
  async insert(attachment: NewAttachment, manager: EntityManager): Promise<IdeaAttachment> {
    await manager.insert(IdeaAttachment, attachment);
    return manager.findOneByOrFail(IdeaAttachment, { id: attachment.id });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(IdeaAttachment, { id });
  }
}
