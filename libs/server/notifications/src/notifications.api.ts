import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** A controller of routes for signed-in people: its OpenAPI tag and their 401. */
export const SignedInApi = (tag: string): ClassDecorator =>
  applyDecorators(ApiTags(tag), ApiUnauthorizedResponse({ description: 'Not signed in.' }));

/** A controller of admin routes: also their 403. */
export const AdminApi = (): ClassDecorator =>
  applyDecorators(SignedInApi('admin'), ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' }));
