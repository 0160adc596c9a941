import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, markInternalRequest } from '@eclore/server-platform';
import { CSRF_HEADER, SessionService, sessionCookieName } from '@eclore/server-identity';
import { API_PREFIX } from './bootstrap';

export interface WarmUpReport {
  sent: number;
  failed: number;
  /** The first failure, said as `GET path → status` (a warm-up that fails says why). */
  firstFailure: string | null;
  ms: number;
}

/** What the warm-up reads of a wall page: enough to build the next requests. */
interface WallPage {
  items: {
    id: string;
    title: string;
    themes: string[];
    campaign: { id: string } | null;
    orgUnit: { id: string } | null;
  }[];
  nextCursor: string | null;
}

/** One warm-up request and the status it should get. */
export interface WarmUpRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  path: string;
  expect: 200 | 404;
}

const LISTS = ['newest', 'trending', 'most_supported'] as const;
const IDEA_READS = ['', '/engagement', '/comments', '/timeline'];

/**
 * Sends `count` of the requests a restart under traffic meets first through the whole request path
 * (http parser, middleware, access guard, validation, handlers, serialisation, database) before the
 * api takes traffic, `concurrency` at a time (issue 15, cold start). A fresh process runs its first
 * thousands of requests through code V8 has not optimised yet: restarted under 300 requests a
 * second, the api queued for its first seconds (first-second p95 513 and 558 ms after 300 warm-up
 * requests, 267 and 53 ms after 2 000; docs/performance.md, sixth pass). The requests are what
 * people read first: the wall's three lists, their second pages, filtered lists, searches made of
 * words of the cards' titles, idea pages, and supports and follows of an idea that does not exist
 * (refused 404 after the guard's CSRF check, the validation and the checks: everything of a support
 * but its transaction).
 *
 * They arrive on a loopback server of their own, on a port of the system's choosing, closed before
 * the api listens; they are signed in with an in-memory session of a reader without roles
 * (SessionService.openInternalSession), ended with the warm-up, and kept out of the access log. They
 * write nothing. Bounded by `deadlineMs`; a request that does not get its expected status is counted
 * and the first one said, never thrown.
 */
export async function warmUpRequestPath(
  app: NestExpressApplication,
  options: { count: number; concurrency: number; deadlineMs: number },
): Promise<WarmUpReport> {
  const started = performance.now();
  const report: WarmUpReport = { sent: 0, failed: 0, firstFailure: null, ms: 0 };
  const handler = app.getHttpAdapter().getInstance() as RequestListener;
  const server = createServer((req, res) => {
    markInternalRequest(req);
    handler(req, res);
  });
  const cookieName = sessionCookieName(app.get(AppConfig));
  const signal = AbortSignal.timeout(options.deadlineMs);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${API_PREFIX}`;
  // Nothing between opening the session and the try that ends it can throw.
  const session = app.get(SessionService).openInternalSession();
  const headers = { cookie: `${cookieName}=${session.token}`, [CSRF_HEADER]: session.csrfToken };

  const send = async <T>({ method, path, expect }: WarmUpRequest): Promise<T | null> => {
    report.sent += 1;
    try {
      const res = await fetch(`${base}${path}`, { method, headers, signal });
      const body = await res.text();
      if (res.status === expect) return res.ok ? (JSON.parse(body) as T) : null;
      report.failed += 1;
      report.firstFailure ??= `${method} ${path} → ${res.status} ${body.slice(0, 200)}`;
    } catch (err) {
      report.failed += 1;
      report.firstFailure ??= `${method} ${path} → ${String(err)}`;
    }
    return null;
  };

  try {
    const firstPages = await Promise.all(
      LISTS.map((sort) => send<WallPage>({ method: 'GET', path: `/wall?sort=${sort}&limit=20`, expect: 200 })),
    );
    const requests = requestsAfter(firstPages, randomUUID());
    if (requests.length > 0) {
      let next = 0;
      const worker = async () => {
        while (report.sent < options.count && !signal.aborted) await send(requests[next++ % requests.length]!);
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
    }
  } finally {
    session.end();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

/**
 * The warm-up's requests, built from the lists' first pages (in LISTS' order, null where one failed) and
 * interleaved by kind, so that even a short warm-up runs each kind: second pages, filters, searches
 * (one word of a title, by relevance and newest first), the lists again, each idea page's reads, and
 * the refused supports and follows of `unknownIdeaId`.
 */
export function requestsAfter(pages: readonly (WallPage | null)[], unknownIdeaId: string): WarmUpRequest[] {
  // No list answered: the path is broken (said by the report), and more requests would only fail.
  if (pages.every((p) => p === null)) return [];
  const cards = pages.flatMap((p) => p?.items ?? []);
  const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];
  const words = unique(cards.flatMap((c) => c.title.toLowerCase().match(/\p{L}{5,}/gu) ?? [])).slice(0, 20);
  const read = (path: string): WarmUpRequest => ({ method: 'GET', path, expect: 200 });
  const kinds: WarmUpRequest[][] = [
    LISTS.flatMap((sort, i) => {
      const cursor = pages[i]?.nextCursor;
      return cursor ? [read(`/wall?sort=${sort}&cursor=${encodeURIComponent(cursor)}&limit=20`)] : [];
    }),
    [
      ...unique(cards.map((c) => c.campaign?.id)).map((id) => `campaignId=${id}`),
      ...unique(cards.map((c) => c.orgUnit?.id)).map((id) => `orgUnitId=${id}`),
      ...unique(cards.flatMap((c) => c.themes)).map((theme) => `theme=${encodeURIComponent(theme)}`),
    ]
      .slice(0, 12)
      .flatMap((filter) => [read(`/wall?${filter}&limit=20`), read(`/wall?${filter}&sort=trending&limit=20`)]),
    words.flatMap((w) => [
      read(`/wall?q=${encodeURIComponent(w)}&limit=20`),
      read(`/wall?q=${encodeURIComponent(w)}&sort=newest&limit=20`),
    ]),
    LISTS.map((sort) => read(`/wall?sort=${sort}&limit=20`)),
    unique(cards.map((c) => c.id))
      .slice(0, 20)
      .flatMap((id) => IDEA_READS.map((r) => read(`/ideas/${id}${r}`))),
    (['PUT', 'DELETE'] as const).flatMap((method) =>
      ['support', 'follow'].map((what) => ({ method, path: `/ideas/${unknownIdeaId}/${what}`, expect: 404 as const })),
    ),
  ].filter((list) => list.length > 0);
  const longest = Math.max(0, ...kinds.map((list) => list.length));
  const interleaved: WarmUpRequest[] = [];
  for (let i = 0; i < longest; i++) for (const list of kinds) interleaved.push(list[i % list.length]!);
  return interleaved;
}
