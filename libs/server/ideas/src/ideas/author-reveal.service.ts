import { Injectable } from '@nestjs/common';
import { Conflict, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, AuditService, findPeople, findPerson, pseudonymsOfSubject } from '@eclore/server-identity';
import { IdeaAccess } from './idea-access.service';
import type { RevealedAuthorDto } from './ideas.dto';
import { IdeasRepository } from './ideas.repository';

/** The anonymity guardian's reveal of an anonymous idea's authors: audited with who, why and when. */
@Injectable()
export class AuthorReveal {
  constructor(
    private readonly repo: IdeasRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The audit entry, the idea event and the answer are written and read in the same transaction. */
  async reveal(actor: Actor, id: string, reason: string, requestId: string | null): Promise<RevealedAuthorDto> {
    this.access.assert(actor, 'idea.reveal_author');
    // The reason is what makes a reveal accountable: blank is no reason.
    if (!reason.trim())
      throw new ValidationFailed([{ field: 'reason', code: 'required', message: 'Say why the author is revealed.' }]);
    return this.repo.transaction(async (manager) => {
      const loaded = await this.ideas.load(manager, id, actor);
      if (!loaded.idea.anonymous)
        throw new Conflict('not_anonymous', 'This idea is not anonymous: its authors are shown.');
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.author_revealed',
        subjectType: 'idea',
        subjectId: id,
        data: { reason: reason.trim() },
        requestId,
      });
      await this.ideas.appendEvent(manager, {
        ideaId: id,
        type: 'author_revealed',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: {},
      });
      const dto = this.ideas.present(loaded, { revealed: true });
      const author = await findPerson(manager, loaded.idea.authorId);
      if (!author) throw new Error(`idea ${id}: its author ${loaded.idea.authorId} is not in the directory`);
      const pseudonyms = await pseudonymsOfSubject(manager, 'idea', id);
      const behind = new Map(
        (
          await findPeople(
            manager,
            pseudonyms.map((p) => p.personId),
          )
        ).map((p) => [p.id, p]),
      );
      return {
        author: { id: author.id, givenName: author.givenName, familyName: author.familyName },
        email: author.email,
        coAuthors: dto.coAuthors.map(({ id: pid, givenName, familyName }) => ({ id: pid, givenName, familyName })),
        capturedBy: dto.capturedBy,
        auditPseudonyms: pseudonyms.flatMap(({ pseudonym, personId }) => {
          const p = behind.get(personId);
          return p ? [{ pseudonym, person: { id: p.id, givenName: p.givenName, familyName: p.familyName } }] : [];
        }),
      };
    });
  }
}
