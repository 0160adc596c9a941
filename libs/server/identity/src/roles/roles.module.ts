import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { RolesAdminController } from './roles-admin.controller';
import { RolesAdminService } from './roles-admin.service';
import { RoleRequestsService } from './role-requests.service';

/** Admin: people's roles and accounts (AccessService and SessionService come from the global AccessModule). */
@Module({
  controllers: [RolesAdminController],
  providers: [RolesAdminService, RoleRequestsService, OutboxService],
})
export class RolesModule {}
