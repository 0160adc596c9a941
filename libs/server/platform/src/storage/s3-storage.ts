import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { AppConfig } from '../config/app-config';
import { FileNotFoundError, FileStorage, assertStorageKey } from './file-storage';

export type S3StorageConfig = Pick<
  AppConfig,
  'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
>;

/** The SDK client for the configured store; credentials from the config, else the SDK's default chain. */
export function s3ClientConfig(config: S3StorageConfig): S3ClientConfig {
  return {
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
      : {}),
    // Self-hosted S3-compatible stores often reject the newer default CRC checksums on every request.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404)
  );
}

/**
 * Files in one bucket of an S3-compatible object store, for deployments whose api and worker
 * replicas share no disk. An object is written whole or not at all (S3 semantics), so a reader never
 * sees half a file, like the local store.
 */
export class S3Storage extends FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  static fromConfig(config: S3StorageConfig): S3Storage {
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
    return new S3Storage(new S3Client(s3ClientConfig(config)), config.S3_BUCKET);
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    assertStorageKey(key);
    // lib-storage sends one PutObject for small bodies and a multipart upload for large or
    // unknown-length streams (a directory CSV), aborting the parts if anything fails.
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: content } }).done();
  }

  async openRead(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(res.Body instanceof Readable)) throw new Error(`Unexpected body for "${key}"`);
      return res.Body;
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError(key);
      throw err;
    }
  }

  async size(key: string): Promise<number | null> {
    assertStorageKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.ContentLength ?? null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key);
    // S3 answers 204 for a missing key too: removing twice is harmless, as the port requires.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
