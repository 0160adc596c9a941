export { TeamModule } from './team.module';
export { TeamRepository, type TeamMemberRow } from './team.repository';
export { TeamQueries } from './team-queries.service';
export { TeamCommands } from './team-commands.service';
export { TeamFormation } from './team-formation.service';
export { loadTeamContext, showPerson, type TeamContext } from './team-context';
export * from './team.dto';
