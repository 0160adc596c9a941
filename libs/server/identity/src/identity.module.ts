import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RolesModule } from './roles/roles.module';
import { ProfileModule } from './profile/profile.module';
import { AuditLogModule } from './audit/audit-log.module';
import { DirectoryModule } from './directory/directory.module';
import { PersonalDataModule } from './personal-data/personal-data.module';

/**
 * Identity and access: the audit log, access enforcement (global guard), sign-in and sessions.
 * Each sub-module of this context (directory import, roles, profile, personal data) is added here, one line each.
 */
@Module({
  imports: [
    AuditModule,
    AccessModule,
    AuthModule,
    RolesModule,
    ProfileModule,
    AuditLogModule,
    DirectoryModule,
    PersonalDataModule,
  ],
})
export class IdentityModule {}
