import type { Readable, Writable } from 'node:stream';

/**
 * A minimal ustar writer for the personal-data archive (regular files only). No zip library is a
 * dependency of the project, and a tar.gz opens everywhere (Windows 10+, macOS, Linux); writing the
 * 512-byte headers here avoids adding one for a single use.
 */
const BLOCK = 512;

/** Keeps names within the 100 bytes of a ustar name field and free of path tricks. */
export function safeEntryName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '');
  return (cleaned || 'file').slice(-60);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii'); // checksum is computed with this field as spaces
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return header;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

export class TarWriter {
  constructor(private readonly out: Writable) {}

  async addBuffer(name: string, content: Buffer, mtime = new Date()): Promise<void> {
    await write(this.out, tarHeader(name, content.length, mtime));
    await write(this.out, content);
    await write(this.out, padding(content.length));
  }

  /** Streams `size` bytes from `source`; a source that ends early or runs long is an error. */
  async addStream(name: string, size: number, source: Readable, mtime = new Date()): Promise<void> {
    await write(this.out, tarHeader(name, size, mtime));
    let written = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      written += chunk.length;
      if (written > size) throw new Error(`tar entry ${name} is longer than announced`);
      await write(this.out, chunk);
    }
    if (written !== size) throw new Error(`tar entry ${name} is shorter than announced`);
    await write(this.out, padding(size));
  }

  /** Two empty blocks end the archive. */
  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2, 0));
    this.out.end();
  }
}
