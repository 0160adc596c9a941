import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';
import { isInternalRequest } from './internal-requests';

/** Paths pino replaces with [Redacted]: credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.clientSecret',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
/** Query parameters that carry credentials (the OpenID Connect callback's code and state). */
const SECRET_QUERY_PARAMS = /([?&](?:code|state|token|id_token|access_token)=)[^&#]*/gi;

/** Structured logs: one JSON line per event, the request id on every line of a request. */
export function httpLoggerModule(destination?: DestinationStream) {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      // Named wildcard: path-to-regexp 8 (Express 5) no longer accepts a bare `*`.
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      pinoHttp: [
        {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
          // Honour an upstream request id (load balancer) when it is well-formed; otherwise mint one.
          genReqId: (req: IncomingMessage, res) => {
            const header = req.headers['x-request-id'];
            const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          customProps: () => ({ service: 'api' }),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
          // ACCESS_LOG_SAMPLE: only that share of successful reads is written (the line costs more CPU
          // than serving a cached wall page); failures and writes are always written. The process's own
          // requests (the api's warm-up) are not.
          customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) =>
            isInternalRequest(req) ||
            (!err &&
              res.statusCode < 400 &&
              (req.method === 'GET' || req.method === 'HEAD') &&
              Math.random() >= config.ACCESS_LOG_SAMPLE)
              ? 'silent'
              : 'info',
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.replace(SECRET_QUERY_PARAMS, '$1[Redacted]'),
            }),
            // Status only: response headers carry cookies and redirect URLs with OpenID Connect state/nonce.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
        destination ?? pino.destination({ dest: 1, sync: false }),
      ],
    }),
  });
}
