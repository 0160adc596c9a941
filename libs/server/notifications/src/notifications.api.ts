import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ApiController } from '@eclore/server-platform';

/** A controller of admin routes: platform's ApiController (tag `admin`, 401), who may call them and their 403. */
export const AdminApiController = (prefix: string): ClassDecorator =>
  applyDecorators(
    ApiController('admin', prefix, 'notification.admin'),
    ApiForbiddenResponse({ description: 'Not an admin (`role_required`).' }),
  );
