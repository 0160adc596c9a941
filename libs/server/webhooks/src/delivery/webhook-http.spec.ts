import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWebhookAllowList, STRICT_WEBHOOK_POLICY } from './webhook-address';
import { postWebhook } from './webhook-http';

/** A real receiver on 127.0.0.1 answering a secret in its body, reached only when allowed. */
describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  const allowLoopback = parseWebhookAllowList('127.0.0.1');

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      req.resume();
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
      if (req.url?.startsWith('/slow')) return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end('INTERNAL-SECRET-ANSWER');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (url: string, options: Partial<Parameters<typeof postWebhook>[3]> = {}) =>
    postWebhook(url, { 'content-type': 'application/json' }, '{}', {
      policy: STRICT_WEBHOOK_POLICY,
      timeoutMs: 2000,
      ...options,
    });

  it('refuses a loopback receiver without connecting', async () => {
    const before = hits;
    for (const host of ['127.0.0.1', '127.1', '2130706433', '0x7f.1', 'localhost', '[::ffff:127.0.0.1]']) {
      expect(await post(`http://${host}:${port}/x`)).toEqual({ status: null, error: 'forbidden_address' });
    }
    expect(hits).toBe(before);
  });

  it('refuses a name that resolves to an internal address, and pins the checked address (no second lookup)', async () => {
    const before = hits;
    const internal = async () => [{ address: '127.0.0.1', family: 4 as const }];
    expect(await post(`http://rebind.example:${port}/x`, { resolve: internal })).toEqual({
      status: null,
      error: 'forbidden_address',
    });
    expect(hits).toBe(before);
    // A rebinding resolver: the first answer (checked) is allowed, any later one is internal. The
    // connection goes to the first answer, so a second resolution would never be used.
    let calls = 0;
    const rebinding = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '127.0.0.1' : '10.9.9.9', family: 4 as const }];
    };
    const result = await post(`http://rebind.example:${port}/x`, {
      resolve: rebinding,
      policy: parseWebhookAllowList('127.0.0.1/32'),
    });
    expect(result).toEqual({ status: 200, error: '' });
    expect(calls).toBe(1);
  });

  it('stores an error class, never the remote body', async () => {
    const result = await post(`http://127.0.0.1:${port}/x?status=500`, { policy: allowLoopback });
    expect(result).toEqual({ status: 500, error: 'http_500' });
    expect(JSON.stringify(result)).not.toContain('INTERNAL-SECRET');
    expect(await post(`http://127.0.0.1:${port}/x?status=302`, { policy: allowLoopback })).toEqual({
      status: 302,
      error: 'http_302',
    });
    expect(await post(`http://127.0.0.1:${port}/slow`, { policy: allowLoopback, timeoutMs: 200 })).toEqual({
      status: null,
      error: 'timeout',
    });
    expect(await post('http://127.0.0.1:1/x', { policy: allowLoopback })).toEqual({
      status: null,
      error: 'connection_refused',
    });
    expect(await post(`https://127.0.0.1:${port}/x`, { policy: allowLoopback })).toMatchObject({
      status: null,
      error: 'tls_error',
    });
  });
});
