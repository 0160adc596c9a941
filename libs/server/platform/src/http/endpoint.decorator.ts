import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
} from '@nestjs/swagger';
import { ERROR_CODES, type Action, type ErrorCode } from '@eclore/domain';
import { PublicRoute, RequirePermission } from './permission';

/**
 * Who may call the route: an action the guard checks with the domain policy; the same with
 * `objectLevel: true` (the handler asserts it once it has loaded the object); or public.
 */
export type EndpointPermission =
  Action | { action: Action; objectLevel?: boolean } | { public: true; tokenAuthorised?: boolean };

/** A success answer that is not JSON (a PDF, an HTML page): documented by its description. */
export interface OtherResponse {
  description: string;
  /** A file download (`{ type: string, format: binary }`). */
  binary?: boolean;
}

type Decorator = MethodDecorator & ClassDecorator;

export interface EndpointOptions {
  /** Omit only when the controller declares it for every route (`@ApiController(tag, prefix, permission)`). */
  permission?: EndpointPermission;
  operationId: string;
  summary: string;
  description?: string;
  /** The success body: a DTO class, `[Dto]` for a list, `'noContent'` (204), or a described other body. */
  ok: Type<unknown> | [Type<unknown>] | 'noContent' | OtherResponse;
  /** The success status when the body is a DTO: 200 (default), 201 created or 202 accepted. */
  status?: 200 | 201 | 202;
  okDescription?: string;
  /** Every error code the route can answer; each is documented under its status from the catalogue. */
  errors?: readonly ErrorCode[];
  /**
   * Per status, the sentence the document shows instead of the list of codes (when a route's
   * wording says more, e.g. which field). Each status must be one of the codes' statuses.
   */
  errorText?: Readonly<Partial<Record<number, string>>>;
}

/** Who may call a route, or (on a controller) every route of it that does not say otherwise. */
export function Permission(permission: EndpointPermission): Decorator {
  if (typeof permission === 'string') return RequirePermission(permission);
  if ('public' in permission) return PublicRoute(permission.tokenAuthorised ? { tokenAuthorised: true } : {});
  return RequirePermission(permission.action, { objectLevel: permission.objectLevel ?? false });
}

function okDecorators(options: EndpointOptions): MethodDecorator[] {
  const { ok, okDescription } = options;
  const described = okDescription === undefined ? {} : { description: okDescription };
  if (ok === 'noContent') return [HttpCode(204), ApiNoContentResponse(described)];
  const status = options.status ?? 200;
  if (typeof ok === 'object' && !Array.isArray(ok)) {
    const schema = ok.binary ? { schema: { type: 'string' as const, format: 'binary' } } : {};
    return [HttpCode(status), ApiResponse({ status, description: ok.description, ...schema })];
  }
  const response = { type: ok, ...described };
  if (status === 201) return [HttpCode(201), ApiCreatedResponse(response)];
  if (status === 202) return [HttpCode(202), ApiAcceptedResponse(response)];
  return [HttpCode(200), ApiOkResponse(response)];
}

/** The problem+json answers, one per status, each described by its codes (or the route's own text). */
export function errorResponses(
  codes: readonly ErrorCode[],
  text: Readonly<Partial<Record<number, string>>> = {},
): Decorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code], [...(byStatus.get(ERROR_CODES[code]) ?? []), code]);
  for (const status of Object.keys(text)) {
    // A sentence for a status no listed code answers would document an error the route never gives.
    if (!byStatus.has(Number(status)))
      throw new Error(`errorText names ${status}, which none of the route's error codes answers`);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({ status, description: text[status] ?? list.map((c) => `\`${c}\``).join(', ') }),
    ),
  );
}

/**
 * What several routes of one controller share (who may call them, the errors they all answer), so
 * each route states only its own: `@Endpoint(MANAGE_SESSION, { operationId, summary, ok })`.
 */
export type EndpointPreset = Pick<EndpointOptions, 'permission' | 'errors' | 'errorText'>;

/** The route's own options over a preset: its errors first, then the preset's; its texts win per status. */
export function withPreset(preset: EndpointPreset, own: EndpointOptions): EndpointOptions {
  const errors = [...(own.errors ?? []), ...(preset.errors ?? []).filter((code) => !own.errors?.includes(code))];
  const errorText = { ...preset.errorText, ...own.errorText };
  return {
    ...own,
    permission: own.permission ?? preset.permission,
    ...(errors.length === 0 ? {} : { errors }),
    ...(Object.keys(errorText).length === 0 ? {} : { errorText }),
  };
}

/**
 * The one decorator of a route: its permission, its OpenAPI operation (id, summary), its success
 * answer (with the matching HTTP status, so the document and the response cannot disagree) and the
 * error codes it can answer, from the catalogue in `@eclore/domain`. The verb and path stay Nest's
 * own (`@Get(':id')`), beside it. Given a preset first, the route's options extend it.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator;
export function Endpoint(preset: EndpointPreset, options: EndpointOptions): MethodDecorator;
export function Endpoint(first: EndpointOptions | EndpointPreset, second?: EndpointOptions): MethodDecorator {
  const options = second === undefined ? (first as EndpointOptions) : withPreset(first, second);
  return applyDecorators(
    ...(options.permission === undefined ? [] : [Permission(options.permission)]),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description === undefined ? {} : { description: options.description }),
    }),
    ...okDecorators(options),
    errorResponses(options.errors ?? [], options.errorText),
  );
}
