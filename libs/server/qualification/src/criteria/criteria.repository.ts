import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DEFAULT_CRITERIA, type Criterion } from '@eclore/domain';
import { ideasByIds } from '@eclore/server-ideas';
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
  const set = await manager.findOne(CriteriaSet, { where: { kind: 'default' } });
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
  const own = ids.length ? await manager.findBy(CriteriaSet, { campaignId: In(ids) }) : [];
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
  const ideas = await ideasByIds(manager, ideaIds);
  const byCampaign = await criteriaForCampaigns(
    manager,
    ideas.map((i) => i.campaignId),
  );
  return new Map(ideas.map((i) => [i.id, byCampaign.get(i.campaignId) ?? byCampaign.get(null)!]));
}

/** Which set a save writes: the organisation's default or a campaign's own. */
export interface CriteriaSetKey {
  kind: 'default' | 'campaign';
  campaignId: string | null;
}

/** The criteria_set table: the organisation's default set and campaigns' own copies. */
@Injectable()
export class CriteriaRepository {
  constructor(private readonly ds: DataSource) {}

  organisation(manager = this.ds.manager): Promise<ApplicableCriteria> {
    return organisationCriteria(manager);
  }

  /** The set that applies to the campaign (its own, else the organisation's). */
  async forCampaign(campaignId: string, manager = this.ds.manager): Promise<ApplicableCriteria> {
    return (await criteriaForCampaigns(manager, [campaignId])).get(campaignId)!;
  }

  /** Serialises saves of the default set (it may not exist yet, so there is no row to lock). */
  async lockDefault(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eclore.criteria_set.default'))`);
  }

  /** Updates the set if it is still at `version`; false when someone saved it meanwhile. */
  async updateVersioned(
    id: string,
    version: number,
    changes: { criteria: Criterion[]; updatedBy: string },
    manager = this.ds.manager,
  ): Promise<boolean> {
    const res = await manager
      .createQueryBuilder()
      .update(CriteriaSet)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return res.affected === 1;
  }

  async insert(
    key: CriteriaSetKey,
    criteria: Criterion[],
    updatedBy: string,
    manager = this.ds.manager,
  ): Promise<void> {
    await manager.insert(CriteriaSet, { ...key, criteria, updatedBy, version: 1 });
  }

  /** Removes the campaign's own set; whether there was one. */
  async deleteForCampaign(campaignId: string, manager = this.ds.manager): Promise<boolean> {
    const deleted = await manager.delete(CriteriaSet, { campaignId });
    return Boolean(deleted.affected);
  }
}
