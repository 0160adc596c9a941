import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  activePhase,
  campaignTiming,
  decide,
  DEFAULT_SUBMISSION_RULES,
  inAudience,
  NotFound,
  phaseFeatures,
  type Actor,
  type ScopeTarget,
} from '@eclore/domain';
import { findOrgUnit, findOrgUnits, type OrgUnit } from '@eclore/server-identity';
import type { CampaignPhase } from '../entities';
import type { CampaignDto, CampaignListDto, CampaignPhaseDto } from './campaigns.dto';
import { CampaignsRepository, type CampaignWithPhases } from './campaigns.repository';

/** Campaign reads, filtered by audience: a person sees the campaigns addressed to them, plus those they may manage. */
@Injectable()
export class CampaignQueries {
  constructor(private readonly campaigns: CampaignsRepository) {}

  async list(actor: Actor, now = new Date()): Promise<CampaignListDto> {
    const manager = this.campaigns.manager;
    const open = await this.campaigns.listOpen(manager);
    const views = await this.present(manager, actor, await this.campaigns.withPhases(open, manager), now);
    const visible = views.filter((v) => v.inAudience || v.canManage);
    const end = (c: CampaignDto) => c.activePhase?.endsAt ?? c.phases[c.phases.length - 1]?.endsAt ?? '';
    const start = (c: CampaignDto) => c.phases[0]?.startsAt ?? c.createdAt;
    return {
      current: visible.filter((c) => c.timing === 'current').sort((a, b) => end(a).localeCompare(end(b))),
      upcoming: visible.filter((c) => c.timing === 'upcoming').sort((a, b) => start(a).localeCompare(start(b))),
      past: visible.filter((c) => c.timing === 'past').sort((a, b) => end(b).localeCompare(end(a))),
    };
  }

  get(actor: Actor, id: string, now = new Date()): Promise<CampaignDto> {
    return this.view(this.campaigns.manager, actor, id, now);
  }

  /** One campaign as this viewer sees it; 404 when it is not addressed to them and they cannot manage it. */
  async view(manager: EntityManager, actor: Actor, id: string, now = new Date()): Promise<CampaignDto> {
    const campaign = await this.campaigns.findWithSponsor(id, manager);
    if (!campaign) throw new NotFound('campaign', id);
    const [view] = await this.present(manager, actor, await this.campaigns.withPhases([campaign], manager), now);
    if (!view || !(view.inAudience || view.canManage)) throw new NotFound('campaign', id);
    return view;
  }

  private async present(
    manager: EntityManager,
    actor: Actor,
    loaded: CampaignWithPhases[],
    now: Date,
  ): Promise<CampaignDto[]> {
    const unitIds = [...new Set(loaded.flatMap((l) => l.campaign.audienceOrgUnitIds))];
    const units = new Map((await findOrgUnits(manager, unitIds)).map((u) => [u.id, u]));
    const viewerPath = actor.orgUnitId ? ((await findOrgUnit(manager, actor.orgUnitId))?.path ?? []) : [];
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
