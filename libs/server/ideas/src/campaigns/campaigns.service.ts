import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  activePhase,
  campaignTiming,
  decide,
  DEFAULT_SUBMISSION_RULES,
  inAudience,
  NotFound,
  phaseFeatures,
  validatePhases,
  ValidationFailed,
  type Actor,
  type FieldProblem,
  type ScopeTarget,
  type SubmissionRules,
} from '@eclore/domain';
import { AccessService, AuditService, OrgUnit, Person } from '@eclore/server-identity';
import { sanitizeRichText } from '@eclore/server-platform';
import { Campaign, CampaignPhase } from '../entities';
import type {
  CampaignDto,
  CampaignListDto,
  CampaignPhaseDto,
  CampaignPhaseInput,
  CreateCampaignInput,
  ReplaceCampaignPhasesInput,
  UpdateCampaignInput,
} from './campaigns.dto';

/** What a phase input becomes once its dates are parsed. */
interface PhaseValues {
  name: string;
  startsAt: Date;
  endsAt: Date;
  submissionsOpen: boolean;
  supportsOpen: boolean;
  commentsOpen: boolean;
}

/** Everything needed to present campaigns to one viewer, loaded in a few set queries. */
interface Loaded {
  campaign: Campaign;
  phases: CampaignPhase[];
}

/**
 * Campaigns (appels à idées). Writes follow the command pattern: validate, check the policy against
 * the audience (a unit-scoped network member runs campaigns for their subtree only), then one
 * transaction that writes the rows and appends the audit event. Reads filter by audience: a person
 * sees the campaigns addressed to them, plus those they may manage.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, now = new Date()): Promise<CampaignListDto> {
    const manager = this.dataSource.manager;
    const campaigns = await manager
      .getRepository(Campaign)
      .find({ where: { archivedAt: IsNull() }, relations: { sponsor: true } });
    const views = await this.present(manager, actor, await this.withPhases(manager, campaigns), now);
    const visible = views.filter((v) => v.inAudience || v.canManage);
    const end = (c: CampaignDto) => c.activePhase?.endsAt ?? c.phases[c.phases.length - 1]?.endsAt ?? '';
    const start = (c: CampaignDto) => c.phases[0]?.startsAt ?? c.createdAt;
    return {
      current: visible.filter((c) => c.timing === 'current').sort((a, b) => end(a).localeCompare(end(b))),
      upcoming: visible.filter((c) => c.timing === 'upcoming').sort((a, b) => start(a).localeCompare(start(b))),
      past: visible.filter((c) => c.timing === 'past').sort((a, b) => end(b).localeCompare(end(a))),
    };
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<CampaignDto> {
    return this.view(this.dataSource.manager, actor, id, now);
  }

  async create(actor: Actor, input: CreateCampaignInput, requestId: string | null): Promise<CampaignDto> {
    return this.dataSource.transaction(async (manager) => {
      const audienceOrgUnitIds = input.audienceOrgUnitIds ?? [];
      const phases = (input.phases ?? []).map(parsePhase);
      const problems = [
        ...(await this.checkReferences(manager, { sponsorId: input.sponsorId, audienceOrgUnitIds })),
        ...validatePhases(phases),
      ];
      if (problems.length) throw new ValidationFailed(problems);
      await this.assertManage(manager, actor, audienceOrgUnitIds);

      const repo = manager.getRepository(Campaign);
      const campaign = await repo.save(
        repo.create({
          title: input.title.trim(),
          question: input.question.trim(),
          descriptionHtml: sanitizeRichText(input.descriptionHtml ?? ''),
          sponsorId: input.sponsorId ?? null,
          audienceOrgUnitIds,
          submissionRules: rulesFrom(input.submissionRules),
          createdBy: actor.personId,
          archivedAt: null,
        }),
      );
      await this.writePhases(manager, campaign.id, phases);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: campaign.id,
        data: { title: campaign.title, audienceOrgUnitIds, phases: phases.length },
        requestId,
      });
      return this.view(manager, actor, campaign.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateCampaignInput, requestId: string | null): Promise<CampaignDto> {
    return this.dataSource.transaction(async (manager) => {
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
        await manager.getRepository(Campaign).save(campaign);
        await this.audit.append(manager, {
          actorId: actor.personId,
          action: 'campaign.updated',
          subjectType: 'campaign',
          subjectId: campaign.id,
          data: { changed },
          requestId,
        });
      }
      return this.view(manager, actor, campaign.id);
    });
  }

  async replacePhases(
    actor: Actor,
    id: string,
    input: ReplaceCampaignPhasesInput,
    requestId: string | null,
  ): Promise<CampaignDto> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lock(manager, id);
      await this.assertManage(manager, actor, campaign.audienceOrgUnitIds);
      const phases = input.phases.map(parsePhase);
      const problems = validatePhases(phases);
      if (problems.length) throw new ValidationFailed(problems);
      await manager.getRepository(CampaignPhase).delete({ campaignId: campaign.id });
      await this.writePhases(manager, campaign.id, phases);
      // The campaign's updated_at says when anything about it last changed.
      await manager.getRepository(Campaign).update({ id: campaign.id }, { updatedAt: new Date() });
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'campaign.phases_replaced',
        subjectType: 'campaign',
        subjectId: campaign.id,
        data: {
          phases: phases.map((p) => ({
            name: p.name,
            startsAt: p.startsAt.toISOString(),
            endsAt: p.endsAt.toISOString(),
            submissionsOpen: p.submissionsOpen,
            supportsOpen: p.supportsOpen,
            commentsOpen: p.commentsOpen,
          })),
        },
        requestId,
      });
      return this.view(manager, actor, campaign.id);
    });
  }

  /** Archiving closes every feature and takes the campaign off the lists; it stays readable by link. */
  async archive(actor: Actor, id: string, requestId: string | null): Promise<CampaignDto> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.lock(manager, id);
      await this.assertManage(manager, actor, campaign.audienceOrgUnitIds);
      if (campaign.archivedAt === null) {
        campaign.archivedAt = new Date();
        await manager.getRepository(Campaign).save(campaign);
        await this.audit.append(manager, {
          actorId: actor.personId,
          action: 'campaign.archived',
          subjectType: 'campaign',
          subjectId: campaign.id,
          data: { title: campaign.title },
          requestId,
        });
      }
      return this.view(manager, actor, campaign.id);
    });
  }

  // ------------------------------------------------------------------ internals

  private async lock(manager: EntityManager, id: string): Promise<Campaign> {
    const campaign = await manager
      .getRepository(Campaign)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) throw new NotFound('campaign', id);
    return campaign;
  }

  /** One policy check per audience unit; the whole organisation is the empty path (org-wide scopes only). */
  private async assertManage(
    manager: EntityManager,
    actor: Actor,
    audienceOrgUnitIds: readonly string[],
  ): Promise<void> {
    for (const target of await this.targets(manager, audienceOrgUnitIds)) {
      this.access.assert(actor, 'campaign.manage', { target });
    }
  }

  private async targets(manager: EntityManager, audienceOrgUnitIds: readonly string[]): Promise<ScopeTarget[]> {
    if (audienceOrgUnitIds.length === 0) return [{ orgUnitPath: [] }];
    const units = await manager.getRepository(OrgUnit).findBy({ id: In([...audienceOrgUnitIds]) });
    return units.map((u) => ({ orgUnitPath: u.path }));
  }

  private async checkReferences(
    manager: EntityManager,
    refs: { sponsorId?: string | null; audienceOrgUnitIds: readonly string[] },
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (refs.sponsorId) {
      const sponsor = await manager
        .getRepository(Person)
        .findOne({ where: { id: refs.sponsorId }, select: { id: true, active: true } });
      if (!sponsor || !sponsor.active) {
        problems.push({
          field: 'sponsorId',
          code: sponsor ? 'sponsorInactive' : 'unknownPerson',
          message: sponsor ? 'The sponsor is no longer active.' : `Person ${refs.sponsorId} does not exist.`,
        });
      }
    }
    if (refs.audienceOrgUnitIds.length) {
      const known = new Set(
        (
          await manager
            .getRepository(OrgUnit)
            .find({ where: { id: In([...refs.audienceOrgUnitIds]) }, select: { id: true } })
        ).map((u) => u.id),
      );
      refs.audienceOrgUnitIds.forEach((unitId, i) => {
        if (!known.has(unitId)) {
          problems.push({
            field: `audienceOrgUnitIds.${i}`,
            code: 'unknownOrgUnit',
            message: `Org unit ${unitId} does not exist.`,
          });
        }
      });
    }
    return problems;
  }

  private async writePhases(manager: EntityManager, campaignId: string, phases: readonly PhaseValues[]): Promise<void> {
    if (phases.length === 0) return;
    await manager.getRepository(CampaignPhase).insert(phases.map((p, position) => ({ ...p, campaignId, position })));
  }

  private async withPhases(manager: EntityManager, campaigns: Campaign[]): Promise<Loaded[]> {
    if (campaigns.length === 0) return [];
    const phases = await manager
      .getRepository(CampaignPhase)
      .find({ where: { campaignId: In(campaigns.map((c) => c.id)) }, order: { position: 'ASC' } });
    return campaigns.map((campaign) => ({ campaign, phases: phases.filter((p) => p.campaignId === campaign.id) }));
  }

  /** One campaign as this viewer sees it; 404 when it is not addressed to them and they cannot manage it. */
  private async view(manager: EntityManager, actor: Actor, id: string, now = new Date()): Promise<CampaignDto> {
    const campaign = await manager.getRepository(Campaign).findOne({ where: { id }, relations: { sponsor: true } });
    if (!campaign) throw new NotFound('campaign', id);
    const [view] = await this.present(manager, actor, await this.withPhases(manager, [campaign]), now);
    if (!view || !(view.inAudience || view.canManage)) throw new NotFound('campaign', id);
    return view;
  }

  private async present(manager: EntityManager, actor: Actor, loaded: Loaded[], now: Date): Promise<CampaignDto[]> {
    const unitIds = [...new Set(loaded.flatMap((l) => l.campaign.audienceOrgUnitIds))];
    const units = new Map(
      (unitIds.length ? await manager.getRepository(OrgUnit).findBy({ id: In(unitIds) }) : []).map((u) => [u.id, u]),
    );
    const viewerPath = actor.orgUnitId
      ? ((
          await manager
            .getRepository(OrgUnit)
            .findOne({ where: { id: actor.orgUnitId }, select: { id: true, path: true } })
        )?.path ?? [])
      : [];
    return loaded.map(({ campaign, phases }) => {
      const audience = campaign.audienceOrgUnitIds.map((unitId) => units.get(unitId)).filter((u): u is OrgUnit => !!u);
      const targets: ScopeTarget[] = audience.length
        ? audience.map((u) => ({ orgUnitPath: u.path }))
        : [{ orgUnitPath: [] }];
      const active = activePhase(phases, now);
      return {
        id: campaign.id,
        title: campaign.title,
        question: campaign.question,
        descriptionHtml: campaign.descriptionHtml,
        sponsor: campaign.sponsor
          ? { id: campaign.sponsor.id, givenName: campaign.sponsor.givenName, familyName: campaign.sponsor.familyName }
          : null,
        audience: audience.map((u) => ({ id: u.id, code: u.code, name: u.name })),
        submissionRules: { ...DEFAULT_SUBMISSION_RULES, ...campaign.submissionRules },
        phases: phases.map(toPhaseDto),
        timing: campaignTiming(phases, now),
        activePhase: active ? toPhaseDto(active) : null,
        features: phaseFeatures(campaign, phases, now),
        archivedAt: campaign.archivedAt?.toISOString() ?? null,
        createdAt: campaign.createdAt.toISOString(),
        updatedAt: campaign.updatedAt.toISOString(),
        inAudience: inAudience(campaign.audienceOrgUnitIds, viewerPath),
        canManage: targets.every((target) => decide(actor, 'campaign.manage', { target }).allowed),
      };
    });
  }
}

function parsePhase(input: CampaignPhaseInput): PhaseValues {
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

function toPhaseDto(p: CampaignPhase): CampaignPhaseDto {
  return {
    id: p.id,
    position: p.position,
    name: p.name,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    submissionsOpen: p.submissionsOpen,
    supportsOpen: p.supportsOpen,
    commentsOpen: p.commentsOpen,
  };
}
