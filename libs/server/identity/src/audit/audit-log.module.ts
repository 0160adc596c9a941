import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

/** Reading the audit log (writing is AuditModule's, inside each change's transaction). */
@Module({ controllers: [AuditController], providers: [AuditQueryService] })
export class AuditLogModule {}
