// Lists every controller route of a Nest application with its permission declaration (tests only).
import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY, type PermissionSpec } from '@eclore/server-identity';

export interface RouteInfo {
  /** `GET /api/session`: the key of the authorization matrix. */
  key: string;
  method: string;
  path: string;
  handler: string;
  permission: PermissionSpec | undefined;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route, sorted by its key. */
export function listRoutes(app: INestApplicationContext, prefix = 'api'): RouteInfo[] {
  return routesInRegistrationOrder(app, prefix).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Walks every controller of every module in the order Nest registers their routes with Express (module
 * by module, each module's controllers as listed, each controller's methods as declared); works in
 * Nest's preview mode (metadata only, no instances).
 */
export function routesInRegistrationOrder(app: INestApplicationContext, prefix = 'api'): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const controllerPaths = ([] as string[]).concat(
        (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/',
      );
      const classPermission = Reflect.getMetadata(PERMISSION_KEY, controller) as PermissionSpec | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype as object)) {
        const fn = (controller.prototype as Record<string, unknown>)[name] as object;
        const methodPath = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (methodPath === undefined) continue;
        const method =
          RequestMethod[(Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined) ?? RequestMethod.GET];
        const permission = (Reflect.getMetadata(PERMISSION_KEY, fn) as PermissionSpec | undefined) ?? classPermission;
        for (const base of controllerPaths) {
          for (const path of ([] as string[]).concat(methodPath)) {
            const full = join(prefix, base, path);
            routes.push({
              key: `${method} ${full}`,
              method,
              path: full,
              handler: `${controller.name}.${name}`,
              permission,
            });
          }
        }
      }
    }
  }
  return routes;
}
