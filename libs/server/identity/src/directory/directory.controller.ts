import { Controller, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { AccessService, Unauthenticated } from '../access/access.service';
import { CurrentActor, RequirePermission } from '../access/permission.decorator';
import {
  DirectoryImportDto,
  DirectoryImportSummaryDto,
  HeadcountQueryDto,
  HeadcountsDto,
  IdParamDto,
  ImportCreatedDto,
  ImportListQueryDto,
  ImportUploadDto,
  MembersQueryDto,
  OrgUnitDto,
  OrgUnitMembersPageDto,
  PeopleQueryDto,
  PersonCardDto,
} from './directory.dto';
import { DirectoryImportsService } from './directory-imports.service';
import { DirectoryService } from './directory.service';

/** Largest directory CSV accepted (200 000 rows are about 20 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What multer (memory storage) hands over; only these fields are used. */
interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
}

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

@ApiTags('directory')
@Controller('directory/imports')
export class DirectoryImportsController {
  constructor(private readonly imports: DirectoryImportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('directory.import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({
    operationId: 'startDirectoryImport',
    summary: 'Upload the HR directory CSV; the worker validates and applies it.',
    description:
      'Answers 202 at once with the import id; poll GET /api/directory/imports/{id}. Format: docs/directory-import.md.',
  })
  @ApiAcceptedResponse({ type: ImportCreatedDto })
  @ApiBadRequestResponse({
    description:
      '`validation_failed` on field `file`: missing, not a UTF-8 text CSV, or header without the required columns.',
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 50 MB.' })
  @ApiForbiddenResponse({ description: 'HR and admins only.' })
  async start(
    @UploadedFile() file: UploadedCsv | undefined,
    @CurrentActor() actor: Actor | null,
  ): Promise<ImportCreatedDto> {
    return { id: await this.imports.startImport(file, requireActor(actor)) };
  }

  @Get()
  @RequirePermission('directory.read_imports')
  @ApiOperation({ operationId: 'listDirectoryImports', summary: 'The most recent imports, newest first.' })
  @ApiOkResponse({ type: [DirectoryImportSummaryDto] })
  list(@Query() query: ImportListQueryDto): Promise<DirectoryImportSummaryDto[]> {
    return this.imports.listImports(query.limit ?? 20);
  }

  @Get(':id')
  @RequirePermission('directory.read_imports')
  @ApiOperation({
    operationId: 'getDirectoryImport',
    summary: 'Progress and outcome of one import, with every rejected line.',
  })
  @ApiOkResponse({ type: DirectoryImportDto })
  @ApiNotFoundResponse({ description: '`directory_import_not_found`' })
  get(@Param() params: IdParamDto): Promise<DirectoryImportDto> {
    return this.imports.getImport(params.id);
  }
}

@ApiTags('directory')
@Controller('org-units')
export class OrgUnitsController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission('org_unit.read')
  @ApiOperation({ operationId: 'listOrgUnits', summary: 'The active organisation tree, each unit after its parent.' })
  @ApiOkResponse({ type: [OrgUnitDto] })
  list(): Promise<OrgUnitDto[]> {
    return this.directory.orgUnits();
  }

  @Get(':id/members')
  @RequirePermission('org_unit.read_members', { objectLevel: true })
  @ApiOperation({
    operationId: 'listOrgUnitMembers',
    summary: 'Active members of a unit (or its subtree), with e-mails; keyset-paginated.',
    description: 'HR and admins for every unit; network members for the units their scope covers.',
  })
  @ApiOkResponse({ type: OrgUnitMembersPageDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`' })
  @ApiNotFoundResponse({ description: '`org_unit_not_found`' })
  async members(
    @Param() params: IdParamDto,
    @Query() query: MembersQueryDto,
    @CurrentActor() actor: Actor | null,
  ): Promise<OrgUnitMembersPageDto> {
    const path = await this.directory.orgUnitPath(params.id);
    this.access.assert(actor, 'org_unit.read_members', { target: { orgUnitPath: path } });
    return this.directory.members(params.id, {
      subtree: query.subtree ?? false,
      limit: query.limit ?? 50,
      ...(query.after ? { after: query.after } : {}),
    });
  }
}

@ApiTags('directory')
@Controller()
export class PeopleController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people')
  @RequirePermission('directory.search')
  @ApiOperation({
    operationId: 'searchPeople',
    summary: 'Find active colleagues by the start of a name or e-mail (co-authors, mentions).',
    description: 'Returns public card fields only: no e-mail, no employee number.',
  })
  @ApiOkResponse({ type: [PersonCardDto] })
  search(@Query() query: PeopleQueryDto): Promise<PersonCardDto[]> {
    return this.directory.searchPeople(query.q, query.limit ?? 10);
  }

  @Get('headcounts')
  @RequirePermission('headcount.read')
  @ApiOperation({
    operationId: 'getHeadcounts',
    summary: 'Active people per org unit for a year (direct and whole subtree).',
  })
  @ApiOkResponse({ type: HeadcountsDto })
  headcounts(@Query() query: HeadcountQueryDto): Promise<HeadcountsDto> {
    return this.directory.headcounts(query.year ?? new Date().getFullYear());
  }
}
