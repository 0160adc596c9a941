import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileNotFoundError, assertStorageKey } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eclore-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a buffer or a stream and reads it back', async () => {
    await storage.put('imports/a.csv', Buffer.from('one'));
    await storage.put('imports/b.csv', Readable.from(['tw', 'o']));
    expect(await text(await storage.openRead('imports/a.csv'))).toBe('one');
    expect(await text(await storage.openRead('imports/b.csv'))).toBe('two');
    expect(await storage.size('imports/b.csv')).toBe(3);
    // No temporary file is left beside the stored ones.
    expect(readdirSync(join(root, 'imports')).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('reports a missing file as FileNotFoundError and a missing size as null', async () => {
    await expect(storage.openRead('imports/missing.csv')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await storage.size('imports/missing.csv')).toBeNull();
  });

  it('removes idempotently', async () => {
    await storage.put('x/y.csv', Buffer.from('z'));
    await storage.remove('x/y.csv');
    await storage.remove('x/y.csv');
    expect(await storage.size('x/y.csv')).toBeNull();
  });

  it('refuses keys that could leave the store', () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '', 'a/./b']) {
      expect(() => assertStorageKey(key)).toThrow(/Invalid storage key/);
    }
    expect(() => assertStorageKey('directory-imports/0b6e.csv')).not.toThrow();
  });
});
