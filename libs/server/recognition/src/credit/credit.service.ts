import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  creditShares,
  DEFAULT_CREDIT_SHARES,
  showContributor,
  validateCreditShares,
  ValidationFailed,
  type Actor,
  type CreditShares,
} from '@eclore/domain';
import { AccessService, AuditService, findPeople } from '@eclore/server-identity';
import { IdeaAccess } from '@eclore/server-ideas';
import type { CreditSharesDto, PersonCreditShareDto, SetCreditSharesDto } from './credit.dto';
import { CreditRepository } from './credit.repository';

/**
 * Credit shares per idea (docs/recognition.md §2): read by whoever may read the idea, changed by the
 * network in scope with a reason kept in the audit log. An anonymous author's share is shown as
 * "an anonymous author" to everyone but themselves.
 */
@Injectable()
export class CreditService {
  constructor(
    private readonly repo: CreditRepository,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
    private readonly audit: AuditService,
  ) {}

  async read(actor: Actor, ideaId: string): Promise<CreditSharesDto> {
    this.access.assert(actor, 'credit.read');
    return this.repo.transaction(async (m) => {
      await this.ideas.loadReadable(m, ideaId, actor);
      return this.present(m, actor, ideaId);
    });
  }

  async set(
    actor: Actor,
    ideaId: string,
    input: SetCreditSharesDto,
    requestId: string | null,
  ): Promise<CreditSharesDto> {
    return this.repo.transaction(async (m) => {
      // Locked: two changes at once keep their order in the history.
      const loaded = await this.ideas.loadReadable(m, ideaId, actor, { lock: true });
      this.access.assert(actor, 'credit.manage', { target: loaded.viewer.target });
      const problems = validateCreditShares({ ...input });
      if (problems.length > 0) throw new ValidationFailed(problems);
      const shares: CreditShares = { authors: input.authors, team: input.team, network: input.network };
      const reason = input.reason.trim();
      await this.repo.insertOverride({ ideaId, shares, reason, setBy: actor.personId }, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'credit.shares_set',
        subjectType: 'idea',
        subjectId: ideaId,
        data: { ...shares, reason },
        requestId,
      });
      return this.present(m, actor, ideaId);
    });
  }

  private async present(m: EntityManager, actor: Actor, ideaId: string): Promise<CreditSharesDto> {
    // One after the other: a transaction's connection runs one query at a time.
    const entries = await this.repo.contributionsOf(ideaId, m);
    const override = await this.repo.latestOverride(ideaId, m);
    const groupShares: CreditShares = override
      ? { authors: override.authors, team: override.team, network: override.network }
      : DEFAULT_CREDIT_SHARES;
    // A person is shown only if every one of their entries may show them (all anonymous or none).
    const hidden = new Set(
      entries
        .filter((e) => showContributor({ ...e, ideaId }, actor.personId).kind === 'anonymous_author')
        .map((e) => e.personId!),
    );
    const shares = creditShares(entries, groupShares);
    const people = new Map(
      (
        await findPeople(
          m,
          shares.filter((s) => !hidden.has(s.personId)).map((s) => s.personId),
        )
      ).map((p) => [p.id, p]),
    );
    const rows: PersonCreditShareDto[] = shares.map((s) => {
      const person = hidden.has(s.personId) ? undefined : people.get(s.personId);
      return {
        person: person ? { id: person.id, givenName: person.givenName, familyName: person.familyName } : null,
        anonymousAuthor: person === undefined,
        basisPoints: s.basisPoints,
        groups: s.groups,
      };
    });
    // Named people by name, anonymous authors last: the order tells nothing about who they are.
    rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || b.basisPoints - a.basisPoints);
    return {
      ideaId,
      groupShares: { ...groupShares },
      isDefault: override === null,
      changedAt: override?.setAt.toISOString() ?? null,
      people: rows,
    };
  }
}

function sortKey(row: PersonCreditShareDto): string {
  return row.person ? `0${row.person.familyName} ${row.person.givenName} ${row.person.id}` : '1';
}
