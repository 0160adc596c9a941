import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { loadConfig } from '../config/app-config';
import { FileNotFoundError } from './file-storage';
import { S3Storage, s3ClientConfig } from './s3-storage';
import { createFileStorage } from './storage.module';
import { LocalDiskStorage } from './local-disk-storage';

/*
 * No S3 server can run here (no network, no container) and no well-kept npm package provides an
 * offline S3-compatible server, so these tests drive the real SDK client — serialisation, SigV4
 * signing, error parsing, lib-storage — down to its HTTP handler, which is replaced by an in-memory
 * bucket that answers as S3 does (XML errors, 404 on HEAD without body). What is NOT covered: the
 * wire itself (TLS, a real store's quirks). Run against MinIO or the real service before relying on it.
 */
interface Recorded {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
}

class InMemoryS3Handler {
  readonly objects = new Map<string, Buffer>();
  readonly requests: Recorded[] = [];

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    this.requests.push({
      method: request.method,
      hostname: request.hostname,
      path: request.path,
      headers: { ...request.headers },
    });
    const key = decodeURIComponent(request.path);
    const body = await readBody(request.body);
    if (request.method === 'PUT') {
      this.objects.set(key, body);
      return reply(200, { etag: '"etag"' });
    }
    const stored = this.objects.get(key);
    if (request.method === 'GET') {
      if (!stored)
        return reply(
          404,
          { 'content-type': 'application/xml' },
          xmlError('NoSuchKey', 'The specified key does not exist.'),
        );
      return reply(
        200,
        { 'content-length': String(stored.length), 'content-type': 'application/octet-stream' },
        Readable.from([stored]),
      );
    }
    if (request.method === 'HEAD') {
      return stored ? reply(200, { 'content-length': String(stored.length) }) : reply(404, {});
    }
    if (request.method === 'DELETE') {
      this.objects.delete(key);
      return reply(204, {});
    }
    return reply(405, {});
  }
}

async function readBody(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof Readable) return buffer(body);
  throw new Error(`Unexpected request body ${typeof body}`);
}

/** Bodies are streams, as the Node HTTP handler gives them to the SDK. */
function reply(
  statusCode: number,
  headers: Record<string, string>,
  body?: string | Readable,
): { response: HttpResponse } {
  return {
    response: {
      statusCode,
      headers,
      body: typeof body === 'string' ? Readable.from([Buffer.from(body)]) : (body ?? Readable.from([])),
    },
  };
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

const config = {
  S3_ENDPOINT: 'http://minio.internal:9000',
  S3_BUCKET: 'eclore-files',
  S3_REGION: 'eu-west-3',
  S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  S3_FORCE_PATH_STYLE: true,
};

describe('S3Storage (real SDK, in-memory HTTP handler)', () => {
  let handler: InMemoryS3Handler;
  let storage: S3Storage;

  beforeEach(() => {
    handler = new InMemoryS3Handler();
    storage = new S3Storage(new S3Client({ ...s3ClientConfig(config), requestHandler: handler }), config.S3_BUCKET);
  });

  it('stores a buffer or a stream and reads it back', async () => {
    await storage.put('idea-attachments/a/b.png', Buffer.from('one'));
    await storage.put('directory-imports/c.csv', Readable.from(['tw', 'o']));
    expect(await text(await storage.openRead('idea-attachments/a/b.png'))).toBe('one');
    expect(await text(await storage.openRead('directory-imports/c.csv'))).toBe('two');
    expect(await storage.size('directory-imports/c.csv')).toBe(3);
  });

  it('addresses the bucket path-style on the configured endpoint and signs with SigV4 for the region', async () => {
    await storage.put('idea-attachments/x.pdf', Buffer.from('%PDF'));
    const put = handler.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({ hostname: 'minio.internal', path: '/eclore-files/idea-attachments/x.pdf' });
    expect(put?.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(put?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(put?.headers['x-amz-content-sha256']).toBeDefined();
    // The secret itself never travels.
    expect(JSON.stringify(handler.requests)).not.toContain(config.S3_SECRET_ACCESS_KEY);
  });

  it('uses virtual-hosted addressing when path style is off', async () => {
    const virtual = new S3Storage(
      new S3Client({
        ...s3ClientConfig({ ...config, S3_ENDPOINT: undefined, S3_FORCE_PATH_STYLE: false }),
        requestHandler: handler,
      }),
      config.S3_BUCKET,
    );
    await virtual.put('k/v.png', Buffer.from('x'));
    expect(handler.requests[0]).toMatchObject({
      hostname: 'eclore-files.s3.eu-west-3.amazonaws.com',
      path: '/k/v.png',
    });
  });

  it('reports a missing object as FileNotFoundError and a missing size as null', async () => {
    await expect(storage.openRead('idea-attachments/missing.png')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await storage.size('idea-attachments/missing.png')).toBeNull();
  });

  it('removes idempotently', async () => {
    await storage.put('x/y.csv', Buffer.from('z'));
    await storage.remove('x/y.csv');
    await storage.remove('x/y.csv');
    expect(await storage.size('x/y.csv')).toBeNull();
    expect(handler.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  it('refuses keys that could leave their folder before any request', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.openRead('a/../../b')).rejects.toThrow(/Invalid storage key/);
    expect(handler.requests).toEqual([]);
  });
});

describe('createFileStorage', () => {
  const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' };

  it('chooses the local disk by default and S3 when STORAGE_DRIVER=s3', () => {
    expect(createFileStorage(loadConfig(base))).toBeInstanceOf(LocalDiskStorage);
    const s3 = loadConfig({
      ...base,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'eclore-files',
      S3_REGION: 'eu-west-3',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3.S3_FORCE_PATH_STYLE).toBe(true);
    expect(createFileStorage(s3)).toBeInstanceOf(S3Storage);
  });

  it('requires the bucket and region only with the s3 driver, and both keys or neither', () => {
    expect(() => loadConfig(base)).not.toThrow();
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3' })).toThrow(
      /S3_BUCKET[\s\S]*S3_REGION|S3_REGION[\s\S]*S3_BUCKET/,
    );
    expect(() =>
      loadConfig({ ...base, STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'AKID' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER/);
  });
});
