import { Module } from '@nestjs/common';
import { ProfileController } from './profile.controller';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';
import { GrantViews } from '../roles/grant-view';
import { RolesRepository } from '../roles/roles.repository';

@Module({
  controllers: [ProfileController],
  providers: [ProfileRepository, RolesRepository, GrantViews, ProfileService],
})
export class ProfileModule {}
