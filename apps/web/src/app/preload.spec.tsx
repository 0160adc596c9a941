import { TextDecoder, TextEncoder } from 'node:util';
import type { QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { listWallInfiniteQueryKey } from '@eclore/api-client';
import { dateFormatter } from '../i18n/format';

// React Router reads TextEncoder when it loads, which jsdom lacks: the router is loaded after this.
Object.assign(globalThis, { TextEncoder, TextDecoder });
const preloadPagesOf: typeof import('./router').preloadPagesOf = (...args) =>
  void import('./router').then((router) => router.preloadPagesOf(...args));

/** A QueryClient that records what is prefetched (the pages only call prefetchInfiniteQuery). */
function recordingClient() {
  const prefetched: unknown[][] = [];
  const client = {
    prefetchInfiniteQuery: (options: { queryKey: unknown[] }) => {
      prefetched.push(options.queryKey);
      return Promise.resolve();
    },
  } as unknown as QueryClient;
  return { client, prefetched };
}

/** Lets the chunk import and the session promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('preloading the current page before the first render', () => {
  it('asks for the wall’s first page, with the filters of the address, once the session says signed in', async () => {
    const { client, prefetched } = recordingClient();
    preloadPagesOf({ pathname: '/ideas', search: '?kind=problem&q=badge' }, client, Promise.resolve(true));
    await waitFor(() => expect(prefetched).toHaveLength(1), { timeout: 10_000 });
    expect(prefetched).toEqual([listWallInfiniteQueryKey({ query: { kind: 'problem', q: 'badge', limit: 20 } })]);
  });

  it('asks for nothing for a visitor (no 401 on a signed-out page)', async () => {
    const { client, prefetched } = recordingClient();
    preloadPagesOf({ pathname: '/ideas', search: '' }, client, Promise.resolve(false));
    await settle();
    expect(prefetched).toEqual([]);
    // The same address signed in does ask: the silence above is the session's doing, not timing.
    preloadPagesOf({ pathname: '/ideas', search: '' }, client, Promise.resolve(true));
    await waitFor(() => expect(prefetched).toHaveLength(1), { timeout: 10_000 });
  });

  it('leaves pages without a prefetch and unknown addresses alone', async () => {
    const { client, prefetched } = recordingClient();
    preloadPagesOf({ pathname: '/my-ideas', search: '' }, client, Promise.resolve(true));
    preloadPagesOf({ pathname: '/nowhere/at/all', search: '' }, client, Promise.resolve(true));
    await settle();
    expect(prefetched).toEqual([]);
  });
});

describe('shared date formatters', () => {
  it('builds one formatter per locale and options, and formats in that locale', () => {
    const fr = dateFormatter('fr', { dateStyle: 'medium' });
    expect(dateFormatter('fr', { dateStyle: 'medium' })).toBe(fr);
    expect(dateFormatter('en', { dateStyle: 'medium' })).not.toBe(fr);
    expect(fr.format(new Date('2026-12-06T12:00:00Z'))).toMatch(/6 déc\.? 2026/);
  });
});
