import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ApiController } from '@eclore/server-platform';

/** A controller of admin routes: platform's ApiController (tag `admin`, 401) and their 403. */
export const AdminApiController = (prefix: string): ClassDecorator =>
  applyDecorators(ApiController('admin', prefix), ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' }));
