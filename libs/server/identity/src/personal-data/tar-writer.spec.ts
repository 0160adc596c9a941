import { PassThrough } from 'node:stream';
import { Readable } from 'node:stream';
import { TarWriter, safeEntryName, tarHeader } from './tar-writer';

async function archive(build: (tar: TarWriter) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await build(new TarWriter(out));
  await ended;
  return Buffer.concat(chunks);
}

describe('tar writer (personal-data archive)', () => {
  it('writes ustar headers with a valid checksum, padded content and the end-of-archive blocks', async () => {
    const tar = await archive(async (t) => {
      await t.addBuffer('data.json', Buffer.from('{"a":1}'));
      await t.addStream('attachments/x/f.pdf', 3, Readable.from([Buffer.from('abc')]));
      await t.finish();
    });
    expect(tar.length).toBe(512 * 2 + 512 * 2 + 1024);
    const header = tar.subarray(0, 512);
    expect(header.subarray(0, 9).toString()).toBe('data.json');
    expect(header.subarray(257, 262).toString()).toBe('ustar');
    expect(parseInt(header.subarray(124, 135).toString(), 8)).toBe(7);
    const stored = parseInt(header.subarray(148, 154).toString(), 8);
    const blank = Buffer.from(header);
    blank.write('        ', 148, 'ascii');
    expect(stored).toBe(blank.reduce((sum, b) => sum + b, 0));
    expect(tar.subarray(512, 519).toString()).toBe('{"a":1}');
    expect(tar.subarray(1536, 1539).toString()).toBe('abc');
    expect(tar.subarray(2048).every((b) => b === 0)).toBe(true);
  });

  it('refuses a stream that does not match its announced size', async () => {
    const out = new PassThrough();
    out.resume();
    await expect(new TarWriter(out).addStream('f', 5, Readable.from([Buffer.from('abc')]))).rejects.toThrow(/shorter/);
    await expect(new TarWriter(out).addStream('g', 1, Readable.from([Buffer.from('abc')]))).rejects.toThrow(/longer/);
  });

  it('keeps entry names short, ASCII and without path tricks', () => {
    expect(safeEntryName('../../Étude coûts.pdf')).toBe('Etude_couts.pdf');
    expect(safeEntryName('…')).toBe('file');
    expect(Buffer.byteLength(safeEntryName('x'.repeat(500)))).toBeLessThanOrEqual(60);
    expect(() => tarHeader('n'.repeat(101), 0, new Date())).toThrow(/too long/);
  });
});
