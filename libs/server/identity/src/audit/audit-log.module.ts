import { Module } from '@nestjs/common';
import { AuditChainService } from './audit-chain.service';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditRepository } from './audit.repository';

/** Reading the audit log (writing is AuditModule's, inside each change's transaction). */
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditQueryService, AuditChainService] })
export class AuditLogModule {}
