import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { phaseFeatures, ValidationFailed, type Actor, type FieldProblem, type PhaseFeatures } from '@eclore/domain';
import { findActiveOrgUnit, type OrgUnit } from '@eclore/server-identity';
import { findCampaignWithPhases } from '../campaigns/campaigns.repository';
import type { Campaign, Idea } from '../entities';
import { IdeaAccess } from './idea-access.service';
import type { CreateIdeaInput } from './ideas.dto';
import { IdeasRepository } from './ideas.repository';

/** The campaign an idea goes to, with what its active phase switches on now. */
export interface CampaignWindow {
  campaign: Campaign | null;
  features: PhaseFeatures;
}

/** The checks an idea's fields go through when drafted or submitted; problems are collected, not thrown. */
@Injectable()
export class IdeaChecks {
  constructor(
    private readonly repo: IdeasRepository,
    private readonly ideas: IdeaAccess,
  ) {}

  /** The campaign (if any) and what its active phase allows now (domain: phaseFeatures). */
  async campaignWindow(
    manager: EntityManager,
    campaignId: string | null,
    problems: FieldProblem[],
  ): Promise<CampaignWindow> {
    const found = campaignId === null ? null : await findCampaignWithPhases(manager, campaignId);
    if (campaignId !== null && !found)
      problems.push({ field: 'campaignId', code: 'unknown_campaign', message: 'No campaign has this id.' });
    if (!found) return { campaign: null, features: phaseFeatures(null, [], new Date()) };
    return { campaign: found.campaign, features: phaseFeatures(found.campaign, found.phases, new Date()) };
  }

  async orgUnit(manager: EntityManager, orgUnitId: string | null, problems: FieldProblem[]): Promise<OrgUnit | null> {
    if (orgUnitId === null) return null;
    const unit = await findActiveOrgUnit(manager, orgUnitId);
    if (!unit)
      problems.push({ field: 'orgUnitId', code: 'unknown_org_unit', message: 'No active org unit has this id.' });
    return unit;
  }

  async themes(manager: EntityManager, themes: readonly string[], problems: FieldProblem[]): Promise<void> {
    if (themes.length === 0) return;
    const known = new Set((await this.repo.activeThemesAmong(themes, manager)).map((t) => t.key));
    const unknown = themes.filter((t) => !known.has(t));
    if (unknown.length)
      problems.push({ field: 'themes', code: 'unknown_theme', message: `Unknown themes: ${unknown.join(', ')}.` });
  }

  /** A problem has no benefits, a solution no "who suffers": the other kind's fields are refused. */
  kindFields(kind: Idea['kind'], input: Partial<CreateIdeaInput>, problems: FieldProblem[]): void {
    const foreign =
      kind === 'problem'
        ? (['expectedBenefits', 'needs', 'addressesProblemIds'] as const)
        : (['whoSuffers', 'frequency'] as const);
    for (const field of foreign) {
      const value = input[field];
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
        problems.push({ field, code: 'not_for_kind', message: `A ${kind} has no "${field}".` });
      }
    }
  }

  /** A solution's "addresses" links: problems the actor may read, replaced as a set. */
  async replaceLinks(
    manager: EntityManager,
    ideaId: string,
    problemIds: readonly string[],
    actor: Actor,
  ): Promise<void> {
    const ids = [...new Set(problemIds)].filter((p) => p !== ideaId);
    const loaded = await this.ideas.complete(manager, await this.repo.findByIds(ids, manager), actor);
    const usable = new Set(
      loaded.filter((l) => l.idea.kind === 'problem' && this.ideas.canRead(l)).map((l) => l.idea.id),
    );
    const bad = ids.filter((p) => !usable.has(p));
    if (bad.length) {
      throw new ValidationFailed([
        {
          field: 'addressesProblemIds',
          code: 'unknown_problem',
          message: `Not problems you can see: ${bad.join(', ')}.`,
        },
      ]);
    }
    await this.repo.replaceAddressedProblems(ideaId, ids, actor.personId, manager);
  }
}

/** The kind's own fields, trimmed (blank is null); `onlyGiven` leaves out the fields not in the input. */
export function kindColumns(kind: Idea['kind'], input: Partial<CreateIdeaInput>, onlyGiven = false): Partial<Idea> {
  const pick = <K extends 'whoSuffers' | 'frequency' | 'expectedBenefits' | 'needs'>(k: K) => {
    const v = input[k];
    if (v === undefined) return onlyGiven ? {} : { [k]: null };
    return { [k]: typeof v === 'string' ? v.trim() || null : v };
  };
  return kind === 'problem'
    ? { ...pick('whoSuffers'), ...pick('frequency') }
    : { ...pick('expectedBenefits'), ...pick('needs') };
}
