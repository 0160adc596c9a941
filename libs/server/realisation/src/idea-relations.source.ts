import type { EntityManager } from 'typeorm';
import type { IdeaRelationFacts } from '@eclore/server-ideas';

/** Which of these ideas the person is in the team of, and which projects they own (one query). */
export async function realisationRelations(
  manager: EntityManager,
  ideaIds: readonly string[],
  personId: string,
): Promise<IdeaRelationFacts> {
  const rows: { ideaId: string; kind: 'team' | 'owner' }[] = await manager.query(
    `SELECT idea_id AS "ideaId", 'team' AS kind FROM idea_team_member WHERE person_id = $1 AND idea_id = ANY($2::uuid[])
     UNION ALL
     SELECT idea_id, 'owner' FROM implementation_project WHERE owner_id = $1 AND idea_id = ANY($2::uuid[])`,
    [personId, ideaIds],
  );
  return {
    teamIdeaIds: new Set(rows.filter((r) => r.kind === 'team').map((r) => r.ideaId)),
    ownedIdeaIds: new Set(rows.filter((r) => r.kind === 'owner').map((r) => r.ideaId)),
  };
}
