import type { Readable } from 'node:stream';

/**
 * Where uploaded files wait for the worker (directory imports today; attachments later). The api
 * writes, the worker reads, so in production every api and worker replica must see the same store:
 * a shared volume for the local-disk store, or an object store (S3) behind this same interface.
 * Keys are chosen by the server (never by the uploader) and look like `directory-imports/<uuid>.csv`.
 */
export abstract class FileStorage {
  /** Writes the whole content under `key`, replacing any previous content. */
  abstract put(key: string, content: Buffer | Readable): Promise<void>;
  /** A stream of the content; rejects with FileNotFoundError when there is none. */
  abstract openRead(key: string): Promise<Readable>;
  /** Size in bytes, or null when there is no such file. */
  abstract size(key: string): Promise<number | null>;
  /** Removes the file; removing a missing file is not an error (retries stay harmless). */
  abstract remove(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under "${key}"`);
    this.name = 'FileNotFoundError';
  }
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

/** Keys are relative, slash-separated, without `..`: a key can never point outside the store. */
export function assertStorageKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.') || key.length > 300) {
    throw new Error(`Invalid storage key "${key}"`);
  }
}
