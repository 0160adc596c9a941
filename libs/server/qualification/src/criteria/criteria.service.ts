import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  decide,
  NotFound,
  validateCriteriaSet,
  ValidationFailed,
  type Actor,
  type Criterion,
  type PolicyContext,
  type ScopeTarget,
} from '@eclore/domain';
import { AccessService, AuditService, orgUnitsByIds } from '@eclore/server-identity';
import { campaignById, StaleVersion, type Campaign } from '@eclore/server-ideas';
import { CriteriaRepository, type ApplicableCriteria, type CriteriaSetKey } from './criteria.repository';
import type { CriteriaSetDto, CriteriaSetInput } from './criteria.dto';

/** Only the fields of a criterion, in a fixed order (the stored JSON never carries extra keys). */
function clean(input: CriteriaSetInput): Criterion[] {
  return input.criteria.map((c) => ({
    key: c.key,
    label: { fr: c.label?.fr?.trim() ?? '', en: c.label?.en?.trim() ?? '' },
    description: { fr: c.description?.fr?.trim() ?? '', en: c.description?.en?.trim() ?? '' },
    weight: c.weight,
    axis: c.axis,
    levels: (c.levels ?? []).map((l) => ({ fr: l.fr?.trim() ?? '', en: l.en?.trim() ?? '' })),
  }));
}

/**
 * The criteria sets: the organisation's default (admins and organisation-wide network members) and a
 * campaign's own copy of it (whoever manages the campaign). Every change is audited.
 */
@Injectable()
export class CriteriaService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repo: CriteriaRepository,
  ) {}

  async getDefault(actor: Actor): Promise<CriteriaSetDto> {
    this.access.assert(actor, 'criteria.read');
    return this.present(await this.repo.organisation(), null, this.can(actor, { organisationDefault: true }));
  }

  async saveDefault(actor: Actor, input: CriteriaSetInput, requestId: string | null): Promise<CriteriaSetDto> {
    this.access.assert(actor, 'criteria.manage', { organisationDefault: true });
    await this.ds.transaction(async (manager) => {
      await this.repo.lockDefault(manager);
      const current = await this.repo.organisation(manager);
      await this.write(manager, actor, current, { kind: 'default', campaignId: null }, input, requestId);
    });
    return this.getDefault(actor);
  }

  async getForCampaign(actor: Actor, campaignId: string): Promise<CriteriaSetDto> {
    this.access.assert(actor, 'criteria.read');
    const campaign = await this.campaign(this.ds.manager, campaignId);
    const applicable = await this.repo.forCampaign(campaign.id);
    const targets = await this.targets(this.ds.manager, campaign);
    return this.present(
      applicable,
      campaign.id,
      targets.every((target) => this.can(actor, { target })),
    );
  }

  async saveForCampaign(
    actor: Actor,
    campaignId: string,
    input: CriteriaSetInput,
    requestId: string | null,
  ): Promise<CriteriaSetDto> {
    // Role first (403 before 404), then the campaign's audience.
    this.access.assert(actor, 'criteria.manage');
    await this.ds.transaction(async (manager) => {
      const campaign = await this.campaign(manager, campaignId, true);
      for (const target of await this.targets(manager, campaign))
        this.access.assert(actor, 'criteria.manage', { target });
      const current = await this.repo.forCampaign(campaign.id, manager);
      await this.write(manager, actor, current, { kind: 'campaign', campaignId: campaign.id }, input, requestId);
    });
    return this.getForCampaign(actor, campaignId);
  }

  /** The campaign goes back to the organisation's default set. */
  async resetCampaign(actor: Actor, campaignId: string, requestId: string | null): Promise<CriteriaSetDto> {
    // Role first (403 before 404), then the campaign's audience.
    this.access.assert(actor, 'criteria.manage');
    await this.ds.transaction(async (manager) => {
      const campaign = await this.campaign(manager, campaignId, true);
      for (const target of await this.targets(manager, campaign))
        this.access.assert(actor, 'criteria.manage', { target });
      if (await this.repo.deleteForCampaign(campaign.id, manager)) {
        await this.audit.append(manager, {
          actorId: actor.personId,
          action: 'criteria_set.reset',
          subjectType: 'campaign',
          subjectId: campaign.id,
          data: {},
          requestId,
        });
      }
    });
    return this.getForCampaign(actor, campaignId);
  }

  // ------------------------------------------------------------------ internals

  private can(actor: Actor, ctx: PolicyContext): boolean {
    return decide(actor, 'criteria.manage', ctx).allowed;
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    current: ApplicableCriteria,
    where: CriteriaSetKey,
    input: CriteriaSetInput,
    requestId: string | null,
  ): Promise<void> {
    const criteria = clean(input);
    const problems = validateCriteriaSet({ criteria });
    if (problems.length) throw new ValidationFailed(problems);
    // A campaign without its own set shows the default's version; saving creates its copy.
    const own = current.set && current.set.kind === where.kind && current.set.campaignId === where.campaignId;
    const currentVersion = own ? current.set!.version : 0;
    if (input.version !== undefined && input.version !== currentVersion) throw new StaleVersion();
    if (own) {
      const saved = await this.repo.updateVersioned(
        current.set!.id,
        currentVersion,
        { criteria, updatedBy: actor.personId },
        manager,
      );
      if (!saved) throw new StaleVersion();
    } else {
      await this.repo.insert(where, criteria, actor.personId, manager);
    }
    await this.audit.append(manager, {
      actorId: actor.personId,
      action: 'criteria_set.saved',
      subjectType: where.campaignId ? 'campaign' : 'organisation',
      subjectId: where.campaignId,
      data: { keys: criteria.map((c) => c.key), weights: criteria.map((c) => c.weight) },
      requestId,
    });
  }

  private async campaign(manager: EntityManager, id: string, lock = false): Promise<Campaign> {
    const campaign = await campaignById(manager, id, { lock });
    if (!campaign) throw new NotFound('campaign', id);
    return campaign;
  }

  /** As for managing the campaign: one target per audience unit; the whole organisation is the empty path. */
  private async targets(manager: EntityManager, campaign: Campaign): Promise<ScopeTarget[]> {
    if (campaign.audienceOrgUnitIds.length === 0) return [{ orgUnitPath: [] }];
    const units = await orgUnitsByIds(manager, campaign.audienceOrgUnitIds);
    return units.map((u) => ({ orgUnitPath: u.path }));
  }

  private present(applicable: ApplicableCriteria, campaignId: string | null, canManage: boolean): CriteriaSetDto {
    // The version the editor sends back: the row's when this set is the one being edited, else 0 (first save).
    const own =
      applicable.set !== null &&
      (campaignId === null ? applicable.source === 'organisation' : applicable.source === 'campaign');
    return {
      source: applicable.source,
      campaignId,
      criteria: applicable.criteria.map((c) => ({ ...c, levels: [...c.levels] })),
      version: own ? applicable.set!.version : 0,
      updatedAt: own ? applicable.set!.updatedAt.toISOString() : null,
      canManage,
    };
  }
}
