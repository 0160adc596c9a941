import { Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { Endpoint, IdParamDto } from '@eclore/server-platform';
import { AccessService, Unauthenticated } from '../access/access.service';
import { CurrentActor } from '../access/permission.decorator';
import {
  DirectoryImportDto,
  DirectoryImportSummaryDto,
  HeadcountQueryDto,
  HeadcountsDto,
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @Endpoint({
    permission: 'directory.import',
    operationId: 'startDirectoryImport',
    summary: 'Upload the HR directory CSV; the worker validates and applies it.',
    description:
      'Answers 202 at once with the import id; poll GET /api/directory/imports/{id}. Format: docs/directory-import.md.',
    ok: ImportCreatedDto,
    status: 202,
    errors: ['validation_failed', 'payload_too_large', 'role_required'],
    errorText: {
      400: '`validation_failed` on field `file`: missing, not a UTF-8 text CSV, or header without the required columns.',
      413: 'The file is larger than 50 MB.',
      403: 'HR and admins only.',
    },
  })
  async start(
    @UploadedFile() file: UploadedCsv | undefined,
    @CurrentActor() actor: Actor | null,
  ): Promise<ImportCreatedDto> {
    return { id: await this.imports.startImport(file, requireActor(actor)) };
  }

  @Get()
  @Endpoint({
    permission: 'directory.read_imports',
    operationId: 'listDirectoryImports',
    summary: 'The most recent imports, newest first.',
    ok: [DirectoryImportSummaryDto],
  })
  list(@Query() query: ImportListQueryDto): Promise<DirectoryImportSummaryDto[]> {
    return this.imports.listImports(query.limit ?? 20);
  }

  @Get(':id')
  @Endpoint({
    permission: 'directory.read_imports',
    operationId: 'getDirectoryImport',
    summary: 'Progress and outcome of one import, with every rejected line.',
    ok: DirectoryImportDto,
    errors: ['directory_import_not_found'],
  })
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
  @Endpoint({
    permission: 'org_unit.read',
    operationId: 'listOrgUnits',
    summary: 'The active organisation tree, each unit after its parent.',
    ok: [OrgUnitDto],
  })
  list(): Promise<OrgUnitDto[]> {
    return this.directory.orgUnits();
  }

  @Get(':id/members')
  @Endpoint({
    permission: { action: 'org_unit.read_members', objectLevel: true },
    operationId: 'listOrgUnitMembers',
    summary: 'Active members of a unit (or its subtree), with e-mails; keyset-paginated.',
    description: 'HR and admins for every unit; network members for the units their scope covers.',
    ok: OrgUnitMembersPageDto,
    errors: ['role_required', 'out_of_scope', 'org_unit_not_found'],
    errorText: { 403: '`role_required` or `out_of_scope`' },
  })
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
@Controller('people')
export class PeopleController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Endpoint({
    permission: 'directory.search',
    operationId: 'searchPeople',
    summary: 'Find active colleagues by the start of a name or e-mail (co-authors, mentions).',
    description: 'Returns public card fields only: no e-mail, no employee number.',
    ok: [PersonCardDto],
  })
  search(@Query() query: PeopleQueryDto): Promise<PersonCardDto[]> {
    return this.directory.searchPeople(query.q, query.limit ?? 10);
  }
}

@ApiTags('directory')
@Controller('headcounts')
export class HeadcountsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Endpoint({
    permission: 'headcount.read',
    operationId: 'getHeadcounts',
    summary: 'Active people per org unit for a year (direct and whole subtree).',
    ok: HeadcountsDto,
  })
  headcounts(@Query() query: HeadcountQueryDto): Promise<HeadcountsDto> {
    return this.directory.headcounts(query.year ?? new Date().getFullYear());
  }
}
