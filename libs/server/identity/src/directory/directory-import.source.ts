import type { FileStorage } from '@eclore/server-platform';
import type { DirectoryImportRowError } from '../entities';
import { createDirectoryParser, detectDelimiter, firstLineOf, type Delimiter, type ParsedRecord } from './csv-format';
import { rowError } from './directory-validator';

/** The file cannot be applied: these problems are stored on the import (errorCount is the true total). */
export class Rejection extends Error {
  constructor(
    readonly errors: DirectoryImportRowError[],
    readonly errorCount = errors.length,
  ) {
    super('directory import rejected');
  }
}

export function emptyFileRejection(): Rejection {
  return new Rejection([rowError(1, null, 'missing_column', 'The file is empty: a header row is required.')]);
}

/** Reads an uploaded directory CSV from the file store, streaming (the file can be tens of MB). */
export class DirectoryImportSource {
  constructor(
    private readonly storage: FileStorage,
    private readonly key: string,
  ) {}

  /** The separator (from the header line) and the exact number of data rows, so progress has a total. */
  async count(): Promise<{ delimiter: Delimiter; totalRows: number }> {
    const delimiter = detectDelimiter(firstLineOf(await this.sample()));
    let records = 0;
    await this.parse(delimiter, () => {
      records++;
    });
    if (records === 0) throw emptyFileRejection();
    return { delimiter, totalRows: records - 1 };
  }

  /** Streams the file through csv-parse; a malformed file (bad quoting) is a rejection naming the line. */
  async parse(delimiter: Delimiter, onRecord: (record: ParsedRecord) => void | Promise<void>): Promise<void> {
    const parser = createDirectoryParser(delimiter);
    const source = await this.storage.openRead(this.key);
    source.on('error', (err: Error) => parser.destroy(err));
    source.pipe(parser);
    try {
      for await (const record of parser) await onRecord(record as ParsedRecord);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) {
        const line = Number((err as { lines?: unknown }).lines) || 0;
        throw new Rejection([rowError(line, null, 'malformed_csv', (err as Error).message)]);
      }
      throw err;
    } finally {
      source.destroy();
    }
  }

  private async sample(): Promise<string> {
    const stream = await this.storage.openRead(this.key);
    try {
      for await (const chunk of stream) return (chunk as Buffer).toString('utf8');
      return '';
    } finally {
      stream.destroy();
    }
  }
}
