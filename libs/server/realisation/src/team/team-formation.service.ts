import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { initialTeam } from '@eclore/domain';
import { AuditService } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, IdeaCommandHooks, type IdeaCommandApplied } from '@eclore/server-ideas';
import { TeamRepository } from './team.repository';

/** The decisions that give an idea its team (docs/realisation.md). */
const FORMING_COMMANDS = new Set(['decide_prototype', 'decide_implement']);

/**
 * Forms the idea team in the decision's own transaction (an IdeaCommandHooks hook): the named
 * authors join, the first of them as lead (domain initialTeam); an anonymous author is not added
 * but invited, so joining stays their choice. A team formed at `decide_prototype` is kept at
 * `decide_implement`.
 */
@Injectable()
export class TeamFormation implements OnModuleInit {
  private readonly hook = (m: EntityManager, applied: IdeaCommandApplied) => this.form(m, applied);

  constructor(
    private readonly hooks: IdeaCommandHooks,
    private readonly ideas: IdeaAccess,
    private readonly repo: TeamRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this.hook);
  }

  async form(m: EntityManager, applied: IdeaCommandApplied): Promise<void> {
    if (!FORMING_COMMANDS.has(applied.command)) return;
    const { ideaId } = applied;
    if (await this.repo.hasTeam(ideaId, m)) return;
    // Authors and their anonymity do not depend on who looks: any actor loads the same facts.
    const actor = { personId: applied.actorId ?? ideaId, orgUnitId: null, assignments: [] };
    const loaded = await this.ideas.find(m, ideaId, actor);
    if (!loaded) return;
    const authors = loaded.authorIds.map((personId) => ({ personId, joins: !loaded.hiddenAuthorIds.has(personId) }));
    const team = initialTeam(authors, false, null);
    await this.repo.insertMembers(
      team.map((t) => ({ ideaId, personId: t.personId, role: t.role, isAuthor: t.isAuthor })),
      m,
    );
    const hidden = authors.filter((a) => !a.joins);
    // The story's first realisation step; a count, so an anonymous author who has not joined stays out of it.
    await appendIdeaEvents(m, [
      // personIds: who was placed in the team (the contribution ledger's team members; named authors only).
      {
        ideaId,
        type: 'team_formed',
        actorId: null,
        public: false,
        data: { members: team.length, personIds: team.map((t) => t.personId) },
      },
    ]);
    for (const author of hidden) {
      // "Join as an author": their own invitation, so nobody else appears to have picked them.
      const invitationId = await this.repo.insertInvitation(
        { ideaId, inviteeId: author.personId, invitedBy: author.personId },
        m,
      );
      await appendIdeaEvents(m, [
        {
          ideaId,
          type: 'team_invited',
          actorId: null,
          public: false,
          data: { inviteeId: author.personId, invitationId, asAuthor: true },
        },
      ]);
    }
    await this.audit.append(m, {
      actorId: applied.actorId,
      action: 'team.formed',
      subjectType: 'idea',
      subjectId: ideaId,
      // Counts only: the named members are on the idea already, the anonymous ones must stay unnamed.
      data: { command: applied.command, members: team.length, authorsInvited: hidden.length },
    });
  }
}
