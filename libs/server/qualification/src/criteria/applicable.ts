import { In, type EntityManager } from 'typeorm';
import { DEFAULT_CRITERIA, type Criterion } from '@eclore/domain';
import { Idea } from '@eclore/server-ideas';
import { CriteriaSet } from '../entities';

/** Where the criteria that apply come from: the campaign's own set, the organisation's, or the built-in default. */
export type CriteriaSource = 'campaign' | 'organisation' | 'built_in';

export interface ApplicableCriteria {
  source: CriteriaSource;
  /** The stored row (null for the built-in default, never saved yet). */
  set: CriteriaSet | null;
  criteria: Criterion[];
}

/** The organisation's default set: the stored one, else the domain's DEFAULT_CRITERIA. */
export async function organisationCriteria(manager: EntityManager): Promise<ApplicableCriteria> {
  const set = await manager.getRepository(CriteriaSet).findOne({ where: { kind: 'default' } });
  return set
    ? { source: 'organisation', set, criteria: set.criteria }
    : { source: 'built_in', set: null, criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })) };
}

/** The set for each campaign: its own copy if it has one, else the organisation's default. */
export async function criteriaForCampaigns(
  manager: EntityManager,
  campaignIds: readonly (string | null)[],
): Promise<Map<string | null, ApplicableCriteria>> {
  const fallback = await organisationCriteria(manager);
  const ids = [...new Set(campaignIds.filter((c): c is string => c !== null))];
  const own = ids.length ? await manager.getRepository(CriteriaSet).findBy({ campaignId: In(ids) }) : [];
  const result = new Map<string | null, ApplicableCriteria>([[null, fallback]]);
  for (const id of ids) {
    const set = own.find((s) => s.campaignId === id);
    result.set(id, set ? { source: 'campaign', set, criteria: set.criteria } : fallback);
  }
  return result;
}

/** The set that applies to each idea: its campaign's, else the default. Unknown ideas are left out. */
export async function criteriaForIdeas(
  manager: EntityManager,
  ideaIds: readonly string[],
): Promise<Map<string, ApplicableCriteria>> {
  if (ideaIds.length === 0) return new Map();
  const ideas = await manager
    .getRepository(Idea)
    .find({ where: { id: In([...ideaIds]) }, select: { id: true, campaignId: true } });
  const byCampaign = await criteriaForCampaigns(
    manager,
    ideas.map((i) => i.campaignId),
  );
  return new Map(ideas.map((i) => [i.id, byCampaign.get(i.campaignId) ?? byCampaign.get(null)!]));
}
