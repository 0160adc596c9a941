import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { GrantViews } from './grant-view';
import { GrantWriter } from './grant-writer';
import { PeopleAdminQueryService } from './people-admin-query.service';
import { RolesAdminController } from './roles-admin.controller';
import { RolesAdminService } from './roles-admin.service';
import { RoleRequestsService } from './role-requests.service';
import { RolesRepository } from './roles.repository';

/** Admin: people's roles and accounts (AccessService and SessionService come from the global AccessModule). */
@Module({
  controllers: [RolesAdminController],
  providers: [
    RolesRepository,
    GrantViews,
    GrantWriter,
    PeopleAdminQueryService,
    RolesAdminService,
    RoleRequestsService,
    OutboxService,
  ],
})
export class RolesModule {}
