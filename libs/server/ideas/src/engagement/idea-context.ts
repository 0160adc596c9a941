import type { EntityManager } from 'typeorm';
import { phaseFeatures, type PhaseFeatures, type ScopeTarget } from '@eclore/domain';
import { findOrgUnit } from '@eclore/server-identity';
import { findCampaignWithPhases } from '../campaigns/campaigns.repository';
import type { Idea } from '../entities';

/** Where an idea sits, for scope checks (moderation reads it for ideas it has not loaded whole). */
export async function scopeTargetOf(manager: EntityManager, idea: Idea): Promise<ScopeTarget> {
  const unit = idea.orgUnitId ? await findOrgUnit(manager, idea.orgUnitId) : null;
  return { orgUnitPath: unit?.path ?? [], themes: idea.themes };
}

/** What the idea's campaign switches on now: the domain decides (always-open box, archived, active phase). */
export async function phaseFeaturesFor(
  manager: EntityManager,
  campaignId: string | null,
  now: Date,
): Promise<PhaseFeatures> {
  const found = campaignId ? await findCampaignWithPhases(manager, campaignId) : null;
  return phaseFeatures(found?.campaign ?? null, found?.phases ?? [], now);
}
