import { ApiProperty } from '@nestjs/swagger';
import { OrgUnitNameDto, OrgUnitRefDto, PersonRefDto } from '@eclore/server-platform';
import { IsIn, ValidateIf } from 'class-validator';
import { ROLES, SUPPORTED_LOCALES, type Locale, type Role } from '@eclore/domain';
import { GrantScopeDto } from '../roles/roles-admin.dto';

export class UpdateProfileInput {
  // null listed in the enum too: OpenAPI 3.0 generators ignore `nullable` on enums otherwise.
  @ApiProperty({
    enum: [...SUPPORTED_LOCALES, null],
    nullable: true,
    description: 'Preferred language; null follows the browser.',
  })
  // Present and null is meaningful ("follow the browser"); only a missing value is skipped.
  @ValidateIf((o: UpdateProfileInput) => o.locale !== null)
  @IsIn(SUPPORTED_LOCALES)
  locale!: Locale | null;
}

export class ProfileOrgUnitDto extends OrgUnitRefDto {
  @ApiProperty({
    type: [OrgUnitNameDto],
    description: 'From the top of the organisation down to this unit, inclusive.',
  })
  path!: OrgUnitNameDto[];
}

export class ProfileRoleDto {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: GrantScopeDto }) scope!: GrantScopeDto;
}

export class ProfileDto extends PersonRefDto {
  @ApiProperty() email!: string;
  @ApiProperty({ type: ProfileOrgUnitDto, nullable: true }) orgUnit!: ProfileOrgUnitDto | null;
  @ApiProperty({ type: [ProfileRoleDto], description: 'Employee (everyone) first, then the granted roles.' })
  roles!: ProfileRoleDto[];
  @ApiProperty({ enum: [...SUPPORTED_LOCALES, null], nullable: true }) locale!: Locale | null;
}
