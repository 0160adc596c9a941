import { Module } from '@nestjs/common';
import { AuditModule } from '@eclore/server-identity';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ProjectModule } from '../project/project.module';
import { ReplicationController } from './replication.controller';
import { ReplicationRepository } from './replication.repository';
import { ReplicationService } from './replication.service';

/** Replication (essaimage): adoption in another unit and the lineage on both ideas. */
@Module({
  imports: [IdeasCoreModule, AuditModule, ProjectModule],
  controllers: [ReplicationController],
  providers: [ReplicationRepository, ReplicationService],
})
export class ReplicationModule {}
