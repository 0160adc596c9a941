import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrivateNote } from '../entities';

/** A new note as its author writes it (body already sanitised, mentions rendered). */
export interface NewPrivateNote {
  ideaId: string;
  authorId: string;
  bodyHtml: string;
  mentionedIds: string[];
}

/** The private_note table: an idea's private thread. */
@Injectable()
export class PrivateNotesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The idea's notes, oldest first. */
  ofIdea(ideaId: string, manager = this.ds.manager): Promise<PrivateNote[]> {
    return manager.find(PrivateNote, { where: { ideaId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts it; returns its id. */
  async insert(note: NewPrivateNote, manager = this.ds.manager): Promise<string> {
    const inserted = await manager.insert(PrivateNote, note);
    return String(inserted.identifiers[0]!['id']);
  }
}
