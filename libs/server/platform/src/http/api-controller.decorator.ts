import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission, type EndpointPermission } from './endpoint.decorator';

/**
 * The head of a signed-in controller: its path prefix (every controller has one), its OpenAPI tag
 * and the 401 every such route can answer. `@ApiController('qualification', 'ideas/:id/scorecards')`.
 * Given a permission, it is every route's that states none of its own (stated once, not per route).
 */
export function ApiController(tag: string, prefix: string, permission?: EndpointPermission): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    Controller(prefix),
    ...(permission === undefined ? [] : [Permission(permission)]),
  );
}
