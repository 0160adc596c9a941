import { Module } from '@nestjs/common';
import { AuditChainService } from './audit-chain.service';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

/** Reading the audit log (writing is AuditModule's, inside each change's transaction). */
@Module({ controllers: [AuditController], providers: [AuditQueryService, AuditChainService] })
export class AuditLogModule {}
