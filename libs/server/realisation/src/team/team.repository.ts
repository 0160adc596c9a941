import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationStatus, TeamRole } from '@eclore/domain';
import { IdeaTeamInvitation, IdeaTeamMember } from '../entities';

/** A member row as the services need it. */
export interface TeamMemberRow {
  ideaId: string;
  personId: string;
  role: TeamRole;
  isAuthor: boolean;
  joinedAt: Date;
}

export interface NewInvitation {
  ideaId: string;
  inviteeId: string;
  invitedBy: string;
}

/** The idea_team_member and idea_team_invitation tables. */
@Injectable()
export class TeamRepository {
  constructor(private readonly ds: DataSource) {}

  /** The team, lead first, then by joining time. */
  members(ideaId: string, manager: EntityManager = this.ds.manager): Promise<TeamMemberRow[]> {
    return manager
      .getRepository(IdeaTeamMember)
      .createQueryBuilder('m')
      .where('m.ideaId = :ideaId', { ideaId })
      .orderBy(`CASE WHEN m.role = 'lead' THEN 0 ELSE 1 END`)
      .addOrderBy('m.joinedAt', 'ASC')
      .addOrderBy('m.personId', 'ASC')
      .getMany();
  }

  async hasTeam(ideaId: string, manager: EntityManager = this.ds.manager): Promise<boolean> {
    const [row] = await manager.query<{ formed: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM idea_team_member WHERE idea_id = $1)
           OR EXISTS (SELECT 1 FROM idea_team_invitation WHERE idea_id = $1) AS formed`,
      [ideaId],
    );
    return row?.formed === true;
  }

  async insertMembers(rows: readonly Omit<TeamMemberRow, 'joinedAt'>[], manager: EntityManager): Promise<void> {
    if (rows.length > 0)
      await manager.insert(
        IdeaTeamMember,
        rows.map((r) => ({ ...r })),
      );
  }

  async removeMember(ideaId: string, personId: string, manager: EntityManager): Promise<void> {
    await manager.delete(IdeaTeamMember, { ideaId, personId });
  }

  /** Makes `personId` the lead; the former lead stays a member (demoted first: one lead per idea). */
  async setLead(ideaId: string, personId: string, manager: EntityManager): Promise<void> {
    await manager.update(IdeaTeamMember, { ideaId, role: 'lead' }, { role: 'member' });
    await manager.update(IdeaTeamMember, { ideaId, personId }, { role: 'lead' });
  }

  pendingInvitations(ideaId: string, manager: EntityManager = this.ds.manager): Promise<IdeaTeamInvitation[]> {
    return manager.find(IdeaTeamInvitation, {
      where: { ideaId, status: 'pending' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The person's pending invitations, oldest first. */
  invitationsOf(personId: string, manager: EntityManager = this.ds.manager): Promise<IdeaTeamInvitation[]> {
    return manager.find(IdeaTeamInvitation, {
      where: { inviteeId: personId, status: 'pending' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** One invitation, its row locked when answering. */
  invitation(id: string, manager: EntityManager, lock = false): Promise<IdeaTeamInvitation | null> {
    return manager.findOne(IdeaTeamInvitation, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insertInvitation(invitation: NewInvitation, manager: EntityManager): Promise<string> {
    const inserted = await manager.insert(IdeaTeamInvitation, invitation);
    return String(inserted.identifiers[0]!['id']);
  }

  async closeInvitation(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(IdeaTeamInvitation, { id, status: 'pending' }, { status, answeredAt: new Date() });
  }

  /** Serialises team changes of one idea (two accepts at once must not make two leads). */
  async lockTeam(ideaId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('idea_team:' || $1::text))`, [ideaId]);
  }
}
