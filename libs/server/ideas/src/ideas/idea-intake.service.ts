import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  checkSubmission,
  DEFAULT_SUBMISSION_RULES,
  type Actor,
  type FieldProblem,
  type SubmissionCheck,
} from '@eclore/domain';
import { AccessService } from '@eclore/server-identity';
import type { SubmissionRules } from '../entities';
import { answerForAuthors, IdeaAccess, type LoadedIdea } from './idea-access.service';
import { IdeaChecks } from './idea-checks';
import type { IdeaDto, IntakeItemDto } from './ideas.dto';
import { IdeasRepository } from './ideas.repository';
import { bodyText } from './rich-text';

const INTAKE_LIMIT = 200;

/** Collect: the lifecycle commands from submission to acceptance, and the network's intake queue. */
@Injectable()
export class IdeaIntake {
  constructor(
    private readonly repo: IdeasRepository,
    private readonly ideas: IdeaAccess,
    private readonly checks: IdeaChecks,
    private readonly access: AccessService,
  ) {}

  submit(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'submit' },
      {
        expectedVersion: version,
        submissionCheck: (manager, loaded) => this.submissionCheck(manager, loaded),
      },
    );
  }

  withdraw(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'withdraw' }, { expectedVersion: version });
  }

  accept(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'accept' }, { expectedVersion: version });
  }

  returnToAuthors(actor: Actor, id: string, reason: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'return_to_authors', reason },
      { expectedVersion: version, extraColumns: answerForAuthors('reason', reason) },
    );
  }

  /** The ideas waiting for the network member, oldest first, within their scopes. */
  async queue(actor: Actor): Promise<IntakeItemDto[]> {
    this.access.assert(actor, 'idea.intake');
    const scopes = actor.assignments.filter((a) => a.role === 'network_member').map((a) => a.scope);
    const rows = await this.repo.intakeQueue(
      {
        everywhere: scopes.some((s) => s.kind === 'organisation'),
        orgUnitIds: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
        themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
      },
      INTAKE_LIMIT,
    );
    if (rows.length === 0) return [];
    const manager = this.repo.manager;
    const ideas = await this.repo.findByIds(
      rows.map((r) => r.id),
      manager,
    );
    const loaded = new Map((await this.ideas.complete(manager, ideas, actor)).map((l) => [l.idea.id, l]));
    const now = Date.now();
    return rows.flatMap((r) => {
      const l = loaded.get(r.id);
      if (!l) return [];
      const since = new Date(r.waiting_since);
      return [
        {
          idea: this.ideas.present(l),
          waitingSince: since.toISOString(),
          waitingHours: Math.floor((now - since.getTime()) / 3_600_000),
        },
      ];
    });
  }

  private async submissionCheck(manager: EntityManager, loaded: LoadedIdea): Promise<SubmissionCheck> {
    const problems: FieldProblem[] = [];
    const window = await this.checks.campaignWindow(manager, loaded.idea.campaignId, problems);
    if (!window.features.submissions) {
      problems.push({
        field: 'campaignId',
        code: 'submissions_closed',
        message: 'This campaign takes no submissions now.',
      });
    }
    const rules: SubmissionRules = window.campaign?.submissionRules ?? DEFAULT_SUBMISSION_RULES;
    const idea = loaded.idea;
    problems.push(
      ...checkSubmission(rules, {
        kind: idea.kind,
        title: idea.title,
        summary: idea.summary,
        bodyText: bodyText(idea.bodyHtml),
        orgUnitId: idea.orgUnitId,
        themes: idea.themes,
        whoSuffers: idea.whoSuffers,
        frequency: idea.frequency,
        expectedBenefits: idea.expectedBenefits,
        needs: idea.needs,
      }),
    );
    return problems.length === 0 ? { ok: true } : { ok: false, problems };
  }
}
