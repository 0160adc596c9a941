import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, decide, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, AuditService, findOrgUnits, type OrgUnit } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, type Idea } from '@eclore/server-ideas';
import type { ImplementationProject } from '../entities';
import { escapeHtml } from './escape-html';
import { assertActivePerson } from '../project/project-commands.service';
import { projectFigures } from '../project/project-figures';
import { ProjectRepository } from '../project/project.repository';
import type { AdoptInput, AdoptionDto, CreditDto, LineageDto, LineageLinkDto } from './replication.dto';
import { ReplicationRepository, type LineageRow } from './replication.repository';

/** An idea is adoptable once implemented: in follow-up, or closed after it. */
const IMPLEMENTED = new Set(['follow_up', 'closed']);
const TITLE_MAX = 200;

const isUniqueViolation = (e: unknown): boolean => (e as { code?: string }).code === '23505';

/** An adoption that passed its checks: the original idea, the adopting unit, the original's project. */
interface Adoption {
  idea: Idea;
  unit: OrgUnit;
  project: ImplementationProject;
}

interface Replica {
  ideaId: string;
  projectId: string;
  replicationId: string;
}

/**
 * Replication (essaimage): a network member in scope of the ADOPTING unit adopts an implemented
 * idea there. The replica is a child idea (kind solution, status implement, in that unit) with its
 * own project and owner; the original's authors are not copied onto it — the credit is read from the
 * original through its own presenter, so an anonymous author stays unnamed.
 */
@Injectable()
export class ReplicationService {
  constructor(
    private readonly repo: ReplicationRepository,
    private readonly projects: ProjectRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async adopt(actor: Actor, ideaId: string, input: AdoptInput): Promise<AdoptionDto> {
    const replicaIdeaId = await this.repo
      .transaction((manager) => this.adoptIn(manager, actor, ideaId, input))
      .catch((e: unknown) => {
        // Two adoptions racing past the check: the partial unique index answers for the second.
        if (isUniqueViolation(e)) throw duplicate();
        throw e;
      });
    return { replicaIdeaId, lineage: await this.lineage(actor, ideaId) };
  }

  private async adoptIn(manager: EntityManager, actor: Actor, ideaId: string, input: AdoptInput): Promise<string> {
    const adoption = await this.checkAdoptable(manager, actor, ideaId, input);
    const replica = await this.createReplica(manager, actor, adoption, input);
    await this.tell(manager, actor, adoption, replica, input.ownerId);
    return replica.ideaId;
  }

  /** Who may adopt the idea in which unit: implemented, with a project, elsewhere, not already asked. */
  private async checkAdoptable(
    manager: EntityManager,
    actor: Actor,
    ideaId: string,
    input: AdoptInput,
  ): Promise<Adoption> {
    const original = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
    const [unit] = await findOrgUnits(manager, [input.orgUnitId]);
    if (!unit) {
      throw new ValidationFailed([{ field: 'orgUnitId', code: 'unknown_unit', message: 'No such unit.' }]);
    }
    this.access.assert(actor, 'replication.request', { target: { orgUnitPath: unit.path, themes: [] } });
    if (!IMPLEMENTED.has(original.idea.status)) {
      throw new Conflict('not_implemented', 'Only an implemented idea (in follow-up or closed) can be adopted.');
    }
    const project = await this.projects.ofIdea(ideaId, manager);
    if (!project) throw new Conflict('no_project', 'The idea has no implementation project to replicate.');
    if (unit.id === project.orgUnitId) {
      throw new ValidationFailed([
        { field: 'orgUnitId', code: 'same_unit', message: 'The idea is already implemented in this unit.' },
      ]);
    }
    await assertActivePerson(manager, input.ownerId, 'ownerId');
    if (await this.repo.openRequest(project.id, unit.id, manager)) throw duplicate();
    return { idea: original.idea, unit, project };
  }

  /** The replica: a child idea in the adopting unit, its project with its own owner, and the link. */
  private async createReplica(
    manager: EntityManager,
    actor: Actor,
    { idea, unit, project }: Adoption,
    input: AdoptInput,
  ): Promise<Replica> {
    const suffix = ` — ${unit.name}`;
    const ideaId = await this.repo.insertReplicaIdea(
      {
        title: `${idea.title.slice(0, Math.max(1, TITLE_MAX - suffix.length))}${suffix}`.slice(0, TITLE_MAX),
        summary: idea.summary,
        bodyHtml: `<p>Adopted from <a href="/ideas/${idea.id}">${escapeHtml(idea.title)}</a>.</p>${idea.bodyHtml}`,
        themes: [...idea.themes],
        orgUnitId: unit.id,
        requestedBy: actor.personId,
      },
      manager,
    );
    const replicaProject = await this.projects.insertProject(
      {
        ideaId,
        ownerId: input.ownerId,
        orgUnitId: unit.id,
        startsOn: input.startsOn ?? new Date().toISOString().slice(0, 10),
        budgetPlanned: 0,
        createdBy: actor.personId,
      },
      manager,
    );
    const replicationId = await this.repo.insertActive(
      {
        originalProjectId: project.id,
        replicaProjectId: replicaProject.id,
        orgUnitId: unit.id,
        requestedBy: actor.personId,
      },
      manager,
    );
    return { ideaId, projectId: replicaProject.id, replicationId };
  }

  /** The audit entry, and the events on both timelines that tell the original's people and the new owner. */
  private async tell(
    manager: EntityManager,
    actor: Actor,
    { idea, unit, project }: Adoption,
    replica: Replica,
    ownerId: string,
  ): Promise<void> {
    const { replicationId } = replica;
    await this.audit.append(manager, {
      actorId: actor.personId,
      action: 'replication.adopted',
      subjectType: 'idea',
      subjectId: idea.id,
      data: { replicationId, replicaIdeaId: replica.ideaId, orgUnitId: unit.id },
    });
    await appendIdeaEvents(manager, [
      // The original's authors (through the authors list, so an anonymous one is told but never
      // named) and its owner hear that their idea spreads.
      {
        ideaId: idea.id,
        type: 'replication_adopted',
        actorId: actor.personId,
        public: true,
        data: {
          replicationId,
          replicaIdeaId: replica.ideaId,
          unitId: unit.id,
          unitName: unit.name,
          ownerId: project.ownerId,
        },
      },
      // The lineage told on the replica's timeline too (public like its counterpart on the original).
      {
        ideaId: replica.ideaId,
        type: 'replicated_from',
        actorId: actor.personId,
        public: true,
        data: { replicationId, originalIdeaId: idea.id },
      },
      {
        ideaId: replica.ideaId,
        type: 'project_owner_named',
        actorId: actor.personId,
        public: false,
        data: { projectId: replica.projectId, ownerId, originalIdeaId: idea.id },
      },
    ]);
  }

  async lineage(actor: Actor, ideaId: string): Promise<LineageDto> {
    const manager = this.repo.manager;
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    this.access.assert(actor, 'realisation.read', { target: loaded.viewer.target });
    const [from, by] = await readsOn(manager, [
      () => this.repo.adoptedFrom(ideaId, manager),
      () => this.repo.adoptedBy(ideaId, manager),
    ]);
    const [fromLinks, byLinks] = await readsOn(manager, [
      () => this.links(manager, from ? [from] : [], 'original'),
      () => this.links(manager, by, 'replica'),
    ]);
    return {
      adoptedFrom: fromLinks[0] ?? null,
      credit: from ? await this.credit(manager, actor, from) : null,
      adoptedBy: byLinks,
      canAdopt:
        IMPLEMENTED.has(loaded.idea.status) &&
        decide(actor, 'replication.request', {}).allowed &&
        (await this.projects.ofIdea(ideaId, manager)) !== null,
    };
  }

  /**
   * Each adoption as a link to the idea at its other end (`original` from a replica, `replica` from
   * the original), with the replica project's figures computed by the domain like the project page.
   */
  private async links(
    manager: EntityManager,
    rows: readonly LineageRow[],
    pointTo: 'original' | 'replica',
  ): Promise<LineageLinkDto[]> {
    if (rows.length === 0) return [];
    const figures = await this.projects.figuresOfIdeas(
      rows.map((r) => r.replicaIdeaId),
      manager,
    );
    const now = new Date();
    return rows.map((r) => {
      const f = figures.find((x) => x.project.id === r.replicaProjectId);
      const computed = f ? projectFigures(f.project, f.milestones, now) : null;
      return {
        ideaId: pointTo === 'original' ? r.originalIdeaId : r.replicaIdeaId,
        title: pointTo === 'original' ? r.originalTitle : r.replicaTitle,
        unit: { id: r.unitId, name: r.unitName },
        adoptedAt: new Date(r.adoptedAt).toISOString(),
        progress: computed?.progress ?? 0,
        status: computed?.status ?? 'on_track',
      };
    });
  }

  /** "The authors of ‹original›" and the names its presenter shows this viewer (none if anonymous). */
  private async credit(manager: EntityManager, actor: Actor, from: LineageRow): Promise<CreditDto> {
    const original = await this.ideas.find(manager, from.originalIdeaId, actor);
    const shown = original && this.ideas.canRead(original) ? this.ideas.present(original) : null;
    const names = shown
      ? [
          ...(shown.author ? [shown.author] : []),
          ...shown.coAuthors.map(({ id, givenName, familyName }) => ({ id, givenName, familyName })),
        ]
      : [];
    return {
      originalIdeaId: from.originalIdeaId,
      originalTitle: from.originalTitle,
      authorsHidden: shown === null || shown.authorHidden,
      names,
    };
  }
}

function duplicate(): Conflict {
  return new Conflict('replication_exists', 'This unit has already adopted this idea.');
}
