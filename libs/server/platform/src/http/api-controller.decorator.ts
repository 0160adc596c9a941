import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

/**
 * The head of a signed-in controller: its path prefix (every controller has one), its OpenAPI tag
 * and the 401 every such route can answer. `@ApiController('qualification', 'ideas/:id/scorecards')`.
 */
export function ApiController(tag: string, prefix: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiUnauthorizedResponse({ description: 'Not signed in.' }), Controller(prefix));
}
