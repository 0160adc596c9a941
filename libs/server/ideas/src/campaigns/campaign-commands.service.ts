import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_SUBMISSION_RULES,
  NotFound,
  validatePhases,
  ValidationFailed,
  type Actor,
  type FieldProblem,
  type ScopeTarget,
  type SubmissionRules,
} from '@eclore/domain';
import { AccessService, AuditService, findOrgUnits, findPerson } from '@eclore/server-identity';
import { sanitizeRichText } from '@eclore/server-platform';
import type { Campaign } from '../entities';
import type {
  CampaignDto,
  CampaignPhaseInput,
  CreateCampaignInput,
  ReplaceCampaignPhasesInput,
  UpdateCampaignInput,
} from './campaigns.dto';
import { CampaignQueries } from './campaign-queries.service';
import { CampaignsRepository, type NewCampaignPhase } from './campaigns.repository';

/**
 * Campaign commands (appels à idées): validate, check the policy against the audience (a unit-scoped
 * network member runs campaigns for their subtree only), then one transaction that writes the rows and
 * appends the audit event; the answer is the campaign as the actor now sees it.
 */
@Injectable()
export class CampaignCommands {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly queries: CampaignQueries,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, input: CreateCampaignInput, requestId: string | null): Promise<CampaignDto> {
    return this.campaigns.transaction(async (manager) => {
      const audienceOrgUnitIds = input.audienceOrgUnitIds ?? [];
      const phases = (input.phases ?? []).map(parsePhase);
      const problems = [
        ...(await this.checkReferences(manager, { sponsorId: input.sponsorId, audienceOrgUnitIds })),
        ...validatePhases(phases),
      ];
      if (problems.length) throw new ValidationFailed(problems);
      await this.assertManage(manager, actor, audienceOrgUnitIds);
      const campaign = await this.campaigns.insert(
        {
          title: input.title.trim(),
          question: input.question.trim(),
          descriptionHtml: sanitizeRichText(input.descriptionHtml ?? ''),
          sponsorId: input.sponsorId ?? null,
          audienceOrgUnitIds,
          submissionRules: rulesFrom(input.submissionRules),
          createdBy: actor.personId,
          archivedAt: null,
        },
        manager,
      );
      await this.campaigns.insertPhases(campaign.id, phases, manager);
      const data = { title: campaign.title, audienceOrgUnitIds, phases: phases.length };
      await this.record(manager, actor, 'campaign.created', campaign.id, data, requestId);
      return this.queries.view(manager, actor, campaign.id);
    });
  }

  update(actor: Actor, id: string, input: UpdateCampaignInput, requestId: string | null): Promise<CampaignDto> {
    return this.campaigns.transaction(async (manager) => {
      const campaign = await this.lock(manager, id);
      await this.assertManage(manager, actor, campaign.audienceOrgUnitIds);
      const problems = await this.checkReferences(manager, {
        sponsorId: input.sponsorId,
        audienceOrgUnitIds: input.audienceOrgUnitIds ?? [],
      });
      if (problems.length) throw new ValidationFailed(problems);
      // Moving the audience needs the right to manage the new audience too.
      if (input.audienceOrgUnitIds !== undefined) await this.assertManage(manager, actor, input.audienceOrgUnitIds);

      const changed: string[] = [];
      const set = <K extends keyof Campaign>(key: K, value: Campaign[K] | undefined) => {
        if (value === undefined) return;
        if (JSON.stringify(campaign[key]) !== JSON.stringify(value)) changed.push(key);
        campaign[key] = value;
      };
      set('title', input.title?.trim());
      set('question', input.question?.trim());
      set('descriptionHtml', input.descriptionHtml === undefined ? undefined : sanitizeRichText(input.descriptionHtml));
      set('sponsorId', input.sponsorId);
      set('audienceOrgUnitIds', input.audienceOrgUnitIds);
      set('submissionRules', input.submissionRules ? rulesFrom(input.submissionRules) : undefined);
      if (changed.length) {
        await this.campaigns.save(campaign, manager);
        await this.record(manager, actor, 'campaign.updated', campaign.id, { changed }, requestId);
      }
      return this.queries.view(manager, actor, campaign.id);
    });
  }

  replacePhases(
    actor: Actor,
    id: string,
    input: ReplaceCampaignPhasesInput,
    requestId: string | null,
  ): Promise<CampaignDto> {
    return this.campaigns.transaction(async (manager) => {
      const campaign = await this.lock(manager, id);
      await this.assertManage(manager, actor, campaign.audienceOrgUnitIds);
      const phases = input.phases.map(parsePhase);
      const problems = validatePhases(phases);
      if (problems.length) throw new ValidationFailed(problems);
      await this.campaigns.replacePhases(campaign.id, phases, manager);
      // The campaign's updated_at says when anything about it last changed.
      await this.campaigns.touch(campaign.id, manager);
      const data = {
        phases: phases.map((p) => ({ ...p, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() })),
      };
      await this.record(manager, actor, 'campaign.phases_replaced', campaign.id, data, requestId);
      return this.queries.view(manager, actor, campaign.id);
    });
  }

  /** Archiving closes every feature and takes the campaign off the lists; it stays readable by link. */
  archive(actor: Actor, id: string, requestId: string | null): Promise<CampaignDto> {
    return this.campaigns.transaction(async (manager) => {
      const campaign = await this.lock(manager, id);
      await this.assertManage(manager, actor, campaign.audienceOrgUnitIds);
      if (campaign.archivedAt === null) {
        campaign.archivedAt = new Date();
        await this.campaigns.save(campaign, manager);
        await this.record(manager, actor, 'campaign.archived', campaign.id, { title: campaign.title }, requestId);
      }
      return this.queries.view(manager, actor, campaign.id);
    });
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    action: string,
    campaignId: string,
    data: Record<string, unknown>,
    requestId: string | null,
  ): Promise<void> {
    return this.audit.append(manager, {
      actorId: actor.personId,
      action,
      subjectType: 'campaign',
      subjectId: campaignId,
      data,
      requestId,
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findForUpdate(id, manager);
    if (!campaign) throw new NotFound('campaign', id);
    return campaign;
  }

  /** One policy check per audience unit; the whole organisation is the empty path (org-wide scopes only). */
  private async assertManage(
    manager: EntityManager,
    actor: Actor,
    audienceOrgUnitIds: readonly string[],
  ): Promise<void> {
    const targets: ScopeTarget[] =
      audienceOrgUnitIds.length === 0
        ? [{ orgUnitPath: [] }]
        : (await findOrgUnits(manager, audienceOrgUnitIds)).map((u) => ({ orgUnitPath: u.path }));
    for (const target of targets) this.access.assert(actor, 'campaign.manage', { target });
  }

  private async checkReferences(
    manager: EntityManager,
    refs: { sponsorId?: string | null; audienceOrgUnitIds: readonly string[] },
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (refs.sponsorId) {
      const sponsor = await findPerson(manager, refs.sponsorId);
      if (!sponsor || !sponsor.active) {
        problems.push({
          field: 'sponsorId',
          code: sponsor ? 'sponsorInactive' : 'unknownPerson',
          message: sponsor ? 'The sponsor is no longer active.' : `Person ${refs.sponsorId} does not exist.`,
        });
      }
    }
    const known = new Set((await findOrgUnits(manager, refs.audienceOrgUnitIds)).map((u) => u.id));
    refs.audienceOrgUnitIds.forEach((unitId, i) => {
      if (!known.has(unitId)) {
        problems.push({
          field: `audienceOrgUnitIds.${i}`,
          code: 'unknownOrgUnit',
          message: `Org unit ${unitId} does not exist.`,
        });
      }
    });
    return problems;
  }
}

function parsePhase(input: CampaignPhaseInput): NewCampaignPhase {
  return {
    name: input.name.trim(),
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    submissionsOpen: input.submissionsOpen,
    supportsOpen: input.supportsOpen,
    commentsOpen: input.commentsOpen,
  };
}

function rulesFrom(input: SubmissionRules | undefined): SubmissionRules {
  if (!input) return { ...DEFAULT_SUBMISSION_RULES, requiredFields: [...DEFAULT_SUBMISSION_RULES.requiredFields] };
  return {
    requiredFields: [...input.requiredFields],
    titleMaxLength: input.titleMaxLength,
    summaryMaxLength: input.summaryMaxLength,
    bodyMinLength: input.bodyMinLength,
    allowedKinds: [...input.allowedKinds],
  };
}
