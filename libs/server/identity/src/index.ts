export * from './entities';
export * from './access/permission.decorator';
export * from './audit/audit.service';
export * from './audit/audit.module';
export * from './directory';
