import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Campaign, CampaignPhase } from '../entities';
import { IdeasContextRepository } from '../repository';

/** A phase row before it is stored: its place in the campaign is its index. */
export type NewCampaignPhase = Pick<
  CampaignPhase,
  'name' | 'startsAt' | 'endsAt' | 'submissionsOpen' | 'supportsOpen' | 'commentsOpen'
>;

/** A campaign with its phases in order: everything needed to present it. */
export interface CampaignWithPhases {
  campaign: Campaign;
  phases: CampaignPhase[];
}

/** Every query of the campaigns feature; each method runs in the caller's transaction when given its manager. */
@Injectable()
export class CampaignsRepository extends IdeasContextRepository {
  /** Campaigns not archived, with their sponsor. */
  listOpen(manager: EntityManager = this.ds.manager): Promise<Campaign[]> {
    return manager.getRepository(Campaign).find({ where: { archivedAt: IsNull() }, relations: { sponsor: true } });
  }

  findWithSponsor(id: string, manager: EntityManager = this.ds.manager): Promise<Campaign | null> {
    return manager.getRepository(Campaign).findOne({ where: { id }, relations: { sponsor: true } });
  }

  findForUpdate(id: string, manager: EntityManager): Promise<Campaign | null> {
    return manager.getRepository(Campaign).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(values: Partial<Campaign>, manager: EntityManager): Promise<Campaign> {
    const repo = manager.getRepository(Campaign);
    return repo.save(repo.create(values));
  }

  save(campaign: Campaign, manager: EntityManager): Promise<Campaign> {
    return manager.getRepository(Campaign).save(campaign);
  }

  async touch(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Campaign).update({ id }, { updatedAt: new Date() });
  }

  async replacePhases(campaignId: string, phases: readonly NewCampaignPhase[], manager: EntityManager): Promise<void> {
    await manager.getRepository(CampaignPhase).delete({ campaignId });
    await this.insertPhases(campaignId, phases, manager);
  }

  async insertPhases(campaignId: string, phases: readonly NewCampaignPhase[], manager: EntityManager): Promise<void> {
    if (phases.length === 0) return;
    await manager.getRepository(CampaignPhase).insert(phases.map((p, position) => ({ ...p, campaignId, position })));
  }

  async withPhases(campaigns: Campaign[], manager: EntityManager = this.ds.manager): Promise<CampaignWithPhases[]> {
    if (campaigns.length === 0) return [];
    const phases = await manager
      .getRepository(CampaignPhase)
      .find({ where: { campaignId: In(campaigns.map((c) => c.id)) }, order: { position: 'ASC' } });
    return campaigns.map((campaign) => ({ campaign, phases: phases.filter((p) => p.campaignId === campaign.id) }));
  }
}

/** A campaign and its phases in order, or null when no campaign has this id (ideas read it for their window). */
export async function findCampaignWithPhases(manager: EntityManager, id: string): Promise<CampaignWithPhases | null> {
  const campaign = await manager.getRepository(Campaign).findOneBy({ id });
  if (!campaign) return null;
  const phases = await manager
    .getRepository(CampaignPhase)
    .find({ where: { campaignId: id }, order: { position: 'ASC' } });
  return { campaign, phases };
}
