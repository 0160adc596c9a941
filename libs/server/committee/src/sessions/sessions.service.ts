import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, rankByWeightedScore, type Actor } from '@eclore/domain';
import { AccessService, activeRoleHolders, type Person } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { CommitteeAgendaItem, CommitteeSession, CommitteeSessionMember } from '../entities';
import { SessionIdeas } from './session-ideas';
import { SessionsRepository } from './sessions.repository';
import { evidenceForAgendaItems, type ExperimentEvidence } from '@eclore/server-realisation';
import type { PersonRefDto } from '@eclore/server-platform';
import type {
  AgendaItemDto,
  AgendaSuggestionDto,
  PreReadingPackDto,
  PrioritisationDto,
  CommitteeSessionDto,
  CommitteeSessionSummaryDto,
} from './sessions.dto';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const personRef = (p: Person) => ({ id: p.id, givenName: p.givenName, familyName: p.familyName });

/**
 * Committee sessions as their readers see them: the list, one session with its agenda, the
 * suggestions, the pre-reading pack and the prioritisation. Ideas are always answered through the
 * ideas presenter, so an anonymous author never reaches a committee screen.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: SessionsRepository,
    private readonly sessionIdeas: SessionIdeas,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
  ) {}

  async list(actor: Actor): Promise<CommitteeSessionSummaryDto[]> {
    this.access.assert(actor, 'committee.read');
    return this.summaries(await this.repo.all());
  }

  /** Active people holding the committee role (any scope): who may be invited to a session. */
  async committeeMembers(actor: Actor): Promise<PersonRefDto[]> {
    this.access.assert(actor, 'committee.read');
    return (await activeRoleHolders(this.ds.manager, 'committee_member')).map(personRef);
  }

  async get(actor: Actor, id: string): Promise<CommitteeSessionDto> {
    return (await this.view(actor, id)).session;
  }

  /**
   * Qualified ideas within the viewer's scope that are on no open agenda (oldest qualified first), then
   * the prototypes whose experiment is validated (back for decide_implement).
   */
  async suggestions(actor: Actor, id: string): Promise<AgendaSuggestionDto> {
    this.access.assert(actor, 'committee.read');
    await this.find(id);
    const qualified = await this.sessionIdeas.qualified(actor, { excludeOnOpenAgenda: true });
    const prototypes = await this.sessionIdeas.validatedPrototypes(actor);
    return { items: [...qualified, ...prototypes].map((c) => this.ideas.present(c)) };
  }

  /** Each agenda idea with its summary, the network's answer and its consolidated scorecard. */
  async pack(actor: Actor, id: string): Promise<PreReadingPackDto> {
    const { session, ideas } = await this.view(actor, id);
    const cards = await this.sessionIdeas.scores(
      actor,
      session.agenda.map((a) => ideas.get(a.idea.id)!),
    );
    return {
      items: session.agenda.map((a) => ({ itemId: a.id, idea: a.idea, scorecard: cards.get(a.idea.id) ?? null })),
    };
  }

  /** The agenda's ideas and the other qualified ideas in scope, ranked by weighted score. */
  async prioritisation(actor: Actor, id: string): Promise<PrioritisationDto> {
    const { session, ideas: agendaIdeas } = await this.view(actor, id);
    const others = await this.sessionIdeas.qualified(actor, { excludeOnOpenAgenda: false });
    const onAgenda = new Set(session.agenda.map((a) => a.idea.id));
    const loaded = [
      ...session.agenda.map((a) => agendaIdeas.get(a.idea.id)!),
      ...others.filter((o) => !onAgenda.has(o.idea.id)),
    ];
    const cards = await this.sessionIdeas.scores(actor, loaded);
    const ranked = rankByWeightedScore(
      loaded.map(({ idea }) => {
        const card = cards.get(idea.id);
        return {
          ideaId: idea.id,
          title: idea.title,
          weightedScore: card?.weightedScore ?? null,
          value: card?.value ?? null,
          effort: card?.effort ?? null,
          reviewerCount: card?.reviewerCount ?? 0,
          onAgenda: onAgenda.has(idea.id),
        };
      }),
    );
    return { items: ranked };
  }

  /**
   * The session as this person sees it, with the agenda ideas as loaded for them. An agenda idea they
   * may not read (the idea's own read policy: e.g. hidden by moderation, out of their scope) is not
   * presented to them at all.
   */
  private async view(
    actor: Actor,
    id: string,
  ): Promise<{ session: CommitteeSessionDto; ideas: Map<string, LoadedIdea> }> {
    this.access.assert(actor, 'committee.read');
    const manager = this.ds.manager;
    const session = await this.find(id);
    const [summary] = await this.summaries([session]);
    const members = await this.repo.members(id, manager);
    const items = await this.repo.items(id, manager);
    const loaded = await this.sessionIdeas.load(
      manager,
      items.map((i) => i.ideaId),
      actor,
    );
    const readable = items.filter((item) => {
      const idea = loaded.get(item.ideaId);
      return idea !== undefined && this.ideas.canRead(idea);
    });
    const evidence = await evidenceForAgendaItems(
      manager,
      readable.map((i) => i.id),
    );
    const dto: CommitteeSessionDto = {
      ...summary!,
      version: session.version,
      members: presentMembers(members),
      agenda: readable.map((item) => ({
        ...this.agendaItem(actor, item, loaded.get(item.ideaId)!),
        evidence: presentEvidence(evidence.get(item.id)),
      })),
    };
    return { session: dto, ideas: loaded };
  }

  private agendaItem(actor: Actor, item: CommitteeAgendaItem, idea: LoadedIdea): Omit<AgendaItemDto, 'evidence'> {
    return {
      id: item.id,
      position: item.position,
      idea: this.ideas.present(idea),
      decision: item.decision,
      rationale: item.rationale,
      parkedUntil: iso(item.parkedUntil),
      decidedAt: iso(item.decidedAt),
      inScope: this.access.can(actor, 'committee.decide', { target: idea.viewer.target }),
    };
  }

  private async summaries(sessions: readonly CommitteeSession[]): Promise<CommitteeSessionSummaryDto[]> {
    if (sessions.length === 0) return [];
    const ids = sessions.map((s) => s.id);
    const counts = await this.repo.agendaCounts(ids);
    const chairs = await this.repo.chairs(ids);
    return sessions.map((s) => {
      const count = counts.find((c) => c.session_id === s.id);
      const chair = chairs.find((c) => c.sessionId === s.id)?.person;
      return {
        id: s.id,
        title: s.title,
        scheduledAt: s.scheduledAt.toISOString(),
        language: s.language,
        status: s.status,
        agendaCount: Number(count?.total ?? 0),
        decidedCount: Number(count?.decided ?? 0),
        chair: chair ? personRef(chair) : null,
      };
    });
  }

  private async find(id: string): Promise<CommitteeSession> {
    const session = await this.repo.find(id);
    if (!session) throw new NotFound('committee_session', id);
    return session;
  }
}

/** The chair first, then by family name; members whose person is gone are left out. */
function presentMembers(members: readonly CommitteeSessionMember[]): CommitteeSessionDto['members'] {
  return members
    .filter((m) => m.person)
    .sort((a, b) => Number(b.chair) - Number(a.chair) || a.person!.familyName.localeCompare(b.person!.familyName))
    .map((m) => ({ ...personRef(m.person!), chair: m.chair, present: m.present }));
}

/** The experiment's evidence as the session shows it (the idea id is already the item's). */
function presentEvidence(e: ExperimentEvidence | undefined): AgendaItemDto['evidence'] {
  if (!e) return null;
  const { ideaId: _ideaId, ...shown } = e;
  return shown;
}
