import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { GRANTABLE_ROLES, type GrantableRole } from '@eclore/domain';
import { CursorQueryDto, OrgUnitRefDto, PersonRefDto, UuidParams, Field } from '@eclore/server-platform';

/** Scope kinds an admin can grant today. Theme scopes wait for the theme catalogue (campaigns). */
export const GRANTABLE_SCOPE_KINDS = ['organisation', 'org_unit'] as const;
export type GrantableScopeKind = (typeof GRANTABLE_SCOPE_KINDS)[number];

// ------------------------------------------------------------------ requests

export class GrantIdParams extends UuidParams('grantId') {}

/** `cursor` and `limit` (1–100, 25 by default), and the search words. */
export class ListPeopleQuery extends CursorQueryDto {
  @Field.Text({
    max: 200,
    optional: true,
    description: 'Words matched against names, e-mail and employee number (all must match).',
  })
  q?: string;
}

export class GrantScopeInput {
  @Field.OneOf(GRANTABLE_SCOPE_KINDS)
  kind!: GrantableScopeKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when kind is org_unit: the unit (and its subtree).' })
  @ValidateIf((o: GrantScopeInput) => o.kind === 'org_unit' || o.orgUnitId !== undefined)
  @IsUUID()
  orgUnitId?: string;
}

export class GrantRoleInput {
  @Field.OneOf(GRANTABLE_ROLES)
  role!: GrantableRole;

  @ApiPropertyOptional({ type: GrantScopeInput, description: 'Defaults to the whole organisation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GrantScopeInput)
  scope?: GrantScopeInput;
}

// ------------------------------------------------------------------ responses

export class GrantScopeDto {
  @ApiProperty({ enum: ['organisation', 'org_unit', 'theme'] })
  kind!: 'organisation' | 'org_unit' | 'theme';

  @ApiPropertyOptional({ format: 'uuid' }) orgUnitId?: string;
  @ApiPropertyOptional({ description: 'Name of the scope unit, for display.' }) orgUnitName?: string;
  @ApiPropertyOptional() theme?: string;
}

export class RoleGrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: GRANTABLE_ROLES }) role!: GrantableRole;
  @ApiProperty({ type: GrantScopeDto }) scope!: GrantScopeDto;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) grantedBy!: PersonRefDto | null;
}

export class AdminPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: OrgUnitRefDto, nullable: true }) orgUnit!: OrgUnitRefDto | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the person was erased (docs/personal-data.md); their name is then "former staff member".',
  })
  erasedAt!: string | null;
  @ApiProperty({ type: [RoleGrantDto], description: 'Active grants (revoked ones are in the audit log).' })
  grants!: RoleGrantDto[];
}

export class AdminPeoplePageDto {
  @ApiProperty({ type: [AdminPersonDto] }) items!: AdminPersonDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

export class RoleRequestIdParams extends UuidParams('requestId') {}

export class RoleGrantRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PersonRefDto, description: 'Who would receive the role.' }) person!: PersonRefDto;
  @ApiProperty({ enum: GRANTABLE_ROLES }) role!: GrantableRole;
  @ApiProperty({ type: PersonRefDto, description: 'The admin who asked for it.' }) requestedBy!: PersonRefDto;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: 'pending' | 'approved' | 'rejected';
}

export class RoleGrantRequestListDto {
  @ApiProperty({ type: [RoleGrantRequestDto], description: 'Waiting for a second admin, oldest first.' })
  items!: RoleGrantRequestDto[];
}
