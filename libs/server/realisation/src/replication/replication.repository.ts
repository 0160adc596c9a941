import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Idea } from '@eclore/server-ideas';
import { Replication } from '../entities';

/** An adoption seen from either end of the lineage. */
export interface LineageRow {
  replicationId: string;
  originalIdeaId: string;
  originalTitle: string;
  replicaIdeaId: string;
  replicaTitle: string;
  replicaProjectId: string;
  unitId: string;
  unitName: string;
  adoptedAt: Date;
}

export interface NewReplicaIdea {
  title: string;
  summary: string;
  bodyHtml: string;
  themes: string[];
  orgUnitId: string;
  /** Who asked for the adoption: the column is required; the original authors are NOT copied. */
  requestedBy: string;
}

const LINEAGE = `
  SELECT r.id AS "replicationId", op.idea_id AS "originalIdeaId", oi.title AS "originalTitle",
         rp.idea_id AS "replicaIdeaId", ri.title AS "replicaTitle", rp.id AS "replicaProjectId",
         u.id AS "unitId", u.name AS "unitName", COALESCE(r.decided_at, r.created_at) AS "adoptedAt"
    FROM replication r
    JOIN implementation_project op ON op.id = r.original_project_id
    JOIN idea oi ON oi.id = op.idea_id
    JOIN implementation_project rp ON rp.id = r.replica_project_id
    JOIN idea ri ON ri.id = rp.idea_id
    JOIN org_unit u ON u.id = r.org_unit_id
   WHERE r.status = 'active'`;

/** All SQL of replication (essaimage): the request row, the replica idea, the lineage. */
@Injectable()
export class ReplicationRepository {
  constructor(private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** An open (requested or active) adoption of this original by this unit, if any. */
  async openRequest(originalProjectId: string, orgUnitId: string, manager: EntityManager): Promise<Replication | null> {
    return manager
      .createQueryBuilder(Replication, 'r')
      .where('r.original_project_id = :originalProjectId AND r.org_unit_id = :orgUnitId', {
        originalProjectId,
        orgUnitId,
      })
      .andWhere(`r.status IN ('requested', 'active')`)
      .getOne();
  }

  /** The replica: a child idea of kind solution, already in implement, in the adopting unit. */
  async insertReplicaIdea(row: NewReplicaIdea, manager: EntityManager): Promise<string> {
    const now = new Date();
    const idea = manager.create(Idea, {
      kind: 'solution',
      status: 'implement',
      title: row.title,
      summary: row.summary,
      bodyHtml: row.bodyHtml,
      authorId: row.requestedBy,
      anonymous: false,
      orgUnitId: row.orgUnitId,
      themes: row.themes,
      campaignId: null,
      submittedAt: now,
      publishedAt: now,
    });
    await manager.insert(Idea, idea);
    return idea.id;
  }

  async insertActive(
    row: Pick<Replication, 'originalProjectId' | 'replicaProjectId' | 'orgUnitId' | 'requestedBy'>,
    manager: EntityManager,
  ): Promise<string> {
    const created = manager.create(Replication, { ...row, status: 'active', decidedAt: new Date() });
    await manager.insert(Replication, created);
    return created.id;
  }

  /** The adoptions of this idea's project(s), oldest first. */
  adoptedBy(ideaId: string, manager: EntityManager = this.ds.manager): Promise<LineageRow[]> {
    return manager.query(`${LINEAGE} AND op.idea_id = $1 ORDER BY "adoptedAt", r.id`, [ideaId]);
  }

  /** The adoption this idea is the replica of, if it is one. */
  async adoptedFrom(ideaId: string, manager: EntityManager = this.ds.manager): Promise<LineageRow | null> {
    const [row] = await manager.query<LineageRow[]>(`${LINEAGE} AND rp.idea_id = $1 LIMIT 1`, [ideaId]);
    return row ?? null;
  }
}
