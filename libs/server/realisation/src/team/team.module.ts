import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { TeamController, TeamInvitationsController } from './team.controller';
import { TeamCommands } from './team-commands.service';
import { TeamFormation } from './team-formation.service';
import { TeamQueries } from './team-queries.service';
import { TeamRepository } from './team.repository';

/** The idea team: formed at the prototype/implement decision, invitations, the lead. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [TeamController, TeamInvitationsController],
  providers: [TeamRepository, TeamQueries, TeamCommands, TeamFormation],
  exports: [TeamRepository, TeamQueries],
})
export class TeamModule {}
