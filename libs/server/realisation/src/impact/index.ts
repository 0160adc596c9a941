export { ImpactModule } from './impact.module';
export { ImpactCommandsService } from './impact-commands.service';
export { ImpactQueriesService, rollupScope, toDomainIndicator } from './impact-queries.service';
export { ImpactRepository } from './impact.repository';
export { ImpactTotalDto } from './impact.dto';
