export { ReplicationModule } from './replication.module';
export * from './replication.dto';
