import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decide, ValidationFailed, type Actor, type RoleAssignment } from '@eclore/domain';
import { plainText, sanitizeRichText } from '@eclore/server-platform';
import {
  AccessService,
  activeGrantsOf,
  grantScope,
  peopleByIds,
  peopleMap,
  type Person,
} from '@eclore/server-identity';
import {
  appendIdeaEvents,
  IdeaAccess,
  MAX_MENTIONS,
  mentionIds,
  renderMentions,
  type LoadedIdea,
} from '@eclore/server-ideas';
import { PrivateNotesRepository } from './notes.repository';
import type { CreatePrivateNoteInput, PrivateNoteDto, PrivateNoteThreadDto } from './notes.dto';

function isAuthorOf(loaded: LoadedIdea, personId: string): boolean {
  // Invited co-authors too: they may become authors, and the notes are about their idea.
  return loaded.authors.some((a) => a.personId === personId) || loaded.idea.capturedBy === personId;
}

/**
 * An idea's private thread: the network and the committee in scope discuss it where its authors,
 * employees and HR never read. Mentioned people must themselves be allowed to read the thread.
 */
@Injectable()
export class PrivateNotesService {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly repo: PrivateNotesRepository,
  ) {}

  /** Loads the idea (404 when unreadable) and checks the policy for the thread (403 otherwise). */
  private async authorise(
    manager: EntityManager,
    actor: Actor,
    ideaId: string,
    action: 'private_note.read' | 'private_note.write',
  ): Promise<LoadedIdea> {
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    this.access.assert(actor, action, { target: loaded.viewer.target, isAuthor: isAuthorOf(loaded, actor.personId) });
    return loaded;
  }

  async list(actor: Actor, ideaId: string): Promise<PrivateNoteThreadDto> {
    await this.authorise(this.ds.manager, actor, ideaId, 'private_note.read');
    return { items: await this.notes(this.ds.manager, ideaId) };
  }

  async create(actor: Actor, ideaId: string, input: CreatePrivateNoteInput): Promise<PrivateNoteDto> {
    const noteId = await this.ds.transaction(async (manager) => {
      const loaded = await this.authorise(manager, actor, ideaId, 'private_note.write');
      const clean = sanitizeRichText(input.bodyHtml);
      if (plainText(clean) === '') {
        throw new ValidationFailed([{ field: 'bodyHtml', code: 'isNotEmpty', message: 'The note is empty.' }]);
      }
      const asked = mentionIds(clean);
      if (asked.length > MAX_MENTIONS) {
        throw new ValidationFailed([
          { field: 'bodyHtml', code: 'too_many_mentions', message: `At most ${MAX_MENTIONS} people may be mentioned.` },
        ]);
      }
      const people = await peopleByIds(manager, asked, { activeOnly: true });
      const actors = await this.actorsOf(manager, people);
      // Judged as if nobody were an author: refusing an in-scope network member only because they
      // wrote the idea would tell who wrote an anonymous one. An author so mentioned is accepted like
      // any colleague, but is neither told nor given access (see `toTell`; reading stays refused).
      const refused = people.filter(
        (p) =>
          !decide(actors.get(p.id)!, 'private_note.read', { target: loaded.viewer.target, isAuthor: false }).allowed,
      );
      if (refused.length > 0) {
        // Names only, never why.
        throw new ValidationFailed([
          {
            field: 'bodyHtml',
            code: 'mention_not_allowed',
            message: `Not allowed to read these private notes: ${refused.map((p) => `${p.givenName} ${p.familyName}`).join(', ')}.`,
          },
        ]);
      }
      const names = new Map(people.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
      const mentioned = asked.filter((id) => names.has(id));
      const id = await this.repo.insert(
        { ideaId, authorId: actor.personId, bodyHtml: renderMentions(clean, names), mentionedIds: mentioned },
        manager,
      );
      const toTell = mentioned.filter((p) => p !== actor.personId && !isAuthorOf(loaded, p));
      if (toTell.length > 0) {
        await appendIdeaEvents(manager, [
          {
            ideaId,
            type: 'private_note_mention',
            actorId: actor.personId,
            public: false,
            data: { mentionedIds: toTell, noteId: id },
          },
        ]);
      }
      return id;
    });
    return (await this.notes(this.ds.manager, ideaId)).find((n) => n.id === noteId)!;
  }

  private async notes(manager: EntityManager, ideaId: string): Promise<PrivateNoteDto[]> {
    const rows = await this.repo.ofIdea(ideaId, manager);
    const people = await peopleMap(
      manager,
      rows.flatMap((r) => [r.authorId, ...r.mentionedIds]),
    );
    const ref = (id: string) => {
      const p = people.get(id);
      return { id, givenName: p?.givenName ?? '', familyName: p?.familyName ?? '' };
    };
    return rows.map((r) => ({
      id: r.id,
      author: ref(r.authorId),
      bodyHtml: r.bodyHtml,
      mentions: r.mentionedIds.filter((id) => people.has(id)).map(ref),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** The policy's Actor for each person (their active grants). */
  private async actorsOf(manager: EntityManager, people: readonly Person[]): Promise<Map<string, Actor>> {
    const grants = await activeGrantsOf(
      manager,
      people.map((p) => p.id),
    );
    return new Map(
      people.map((p) => [
        p.id,
        {
          personId: p.id,
          orgUnitId: p.orgUnitId,
          assignments: grants
            .filter((g) => g.personId === p.id)
            .map((g): RoleAssignment => ({
              role: g.role,
              scope: grantScope(g.scopeKind, g.scopeOrgUnitId, g.scopeTheme),
            })),
        },
      ]),
    );
  }
}
