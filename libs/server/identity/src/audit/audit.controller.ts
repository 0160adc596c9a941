import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/permission.decorator';
import { AuditPageDto, AuditQuery } from './audit-query.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'The audit log, newest first, filtered by action and subject; page with `before`.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiForbiddenResponse({ description: 'Admins only (`role_required`).' })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.page(query);
  }
}
