import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint, Permission } from '@eclore/server-platform';
import { AuditChainService } from './audit-chain.service';
import { AuditChainDto, AuditPageDto, AuditQuery } from './audit-query.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('admin')
@Controller('admin/audit')
@Permission('audit.read')
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly chain: AuditChainService,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'listAuditEvents',
    summary: 'The audit log, newest first, filtered by action and subject; page with `before`.',
    ok: AuditPageDto,
    errors: ['role_required'],
    errorText: { 403: 'Admins only (`role_required`).' },
  })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.page(query);
  }

  @Get('chain')
  @Endpoint({
    operationId: 'verifyAuditChain',
    summary: "Recomputes the audit log's hash chain: whole, or the first row that does not verify.",
    description:
      'The same check as `npm run audit:verify`; it reads the whole log, so it takes a moment on a large one.',
    ok: AuditChainDto,
    errors: ['role_required'],
    errorText: { 403: 'Admins only (`role_required`).' },
  })
  async verifyChain(): Promise<AuditChainDto> {
    const verdict = await this.chain.verify();
    return verdict.ok
      ? { ok: true, entries: verdict.entries, headHash: verdict.headHash, brokenAt: null }
      : { ok: false, entries: verdict.entries, headHash: null, brokenAt: verdict.brokenAt };
  }
}
