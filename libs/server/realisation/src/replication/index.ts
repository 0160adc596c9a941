export { ReplicationModule } from './replication.module';
export * from './replication.dto';
export { ReplicationService } from './replication.service';
