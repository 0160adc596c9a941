import { ApiProperty } from '@nestjs/swagger';
import { OrgUnitRefDto, PersonRefDto, Field } from '@eclore/server-platform';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@eclore/domain';

export class LoginDto {
  @ApiProperty({ example: 'camille.martin@example.org', maxLength: 320 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  @IsEmail()
  email!: string;

  // Bounded so a huge body cannot make the server hash megabytes.
  @Field.Text({ max: 1024, notEmpty: true, format: 'password' })
  password!: string;
}

/** Where to land after signing in: a path of this site only (no scheme, no host, no `//`). */
export const RELATIVE_PATH = /^\/(?![/\\])[^\s\\]*$/;

export class OidcStartQueryDto {
  @ApiProperty({
    required: false,
    example: '/ideas/42',
    description: 'A path of this site to return to after signing in.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(RELATIVE_PATH, { message: 'returnTo must be a path of this site, starting with a single /' })
  returnTo?: string;
}

export class SignInMethodsDto {
  @ApiProperty({ description: 'E-mail and password sign-in is available.' })
  local!: boolean;

  @ApiProperty({
    description:
      'Single sign-on with the organisation’s OpenID Connect provider is available (GET /api/auth/oidc/start).',
  })
  oidc!: boolean;
}

export class SessionPersonDto extends PersonRefDto {
  @ApiProperty() email!: string;
  @ApiProperty({ type: OrgUnitRefDto, nullable: true }) orgUnit!: OrgUnitRefDto | null;
  @ApiProperty({
    enum: ['fr', 'en'],
    nullable: true,
    type: String,
    description: 'Preferred language; null follows the browser.',
  })
  locale!: string | null;
}

export class RoleScopeDto {
  @ApiProperty({ enum: ['organisation', 'org_unit', 'theme'] }) kind!: 'organisation' | 'org_unit' | 'theme';
  @ApiProperty({ required: false, format: 'uuid' }) orgUnitId?: string;
  @ApiProperty({ required: false }) theme?: string;
}

export class SessionRoleDto {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: RoleScopeDto }) scope!: RoleScopeDto;
}

export class SessionDto {
  @ApiProperty({ type: SessionPersonDto }) person!: SessionPersonDto;
  @ApiProperty({
    type: [SessionRoleDto],
    description: 'Granted roles with their scope; every signed-in person is also an employee.',
  })
  roles!: SessionRoleDto[];
  @ApiProperty({ description: 'Send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE.' })
  csrfToken!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'Absolute end of the session (it also ends after a period without requests).',
  })
  expiresAt!: string;
}
