// Test-only routes (imported by tests only, never by AppModule): one per kind of permission declaration, for the guard's tests.
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@eclore/domain';
import { AccessService, CurrentActor, OrgUnit, RequirePermission } from '@eclore/server-identity';

@Controller('probe')
export class AccessProbeController {
  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }

  @Get('headcounts')
  @RequirePermission('headcount.read')
  headcounts() {
    return { reached: true };
  }

  @Post('echo')
  @HttpCode(200)
  @RequirePermission('session.read')
  echo(@CurrentActor() actor: Actor | null) {
    return { personId: actor?.personId };
  }

  @Get('units/:id/members')
  @RequirePermission('org_unit.read_members', { objectLevel: true })
  async members(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string) {
    const unit = await this.dataSource.getRepository(OrgUnit).findOneByOrFail({ id });
    this.access.assert(actor, 'org_unit.read_members', { target: { orgUnitPath: unit.path } });
    return { reached: true };
  }
}
