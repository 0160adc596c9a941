import { chooseEncoding } from './static-web';

const OFFERED = [{ name: 'br' }, { name: 'gzip' }] as const;
const choose = (header: string) => chooseEncoding(header, OFFERED)?.name;

describe('chooseEncoding', () => {
  it('prefers brotli when the browser lists gzip first with the same weight', () => {
    expect(choose('gzip, deflate, br, zstd')).toBe('br');
  });
  it('follows the client’s weights', () => {
    expect(choose('br;q=0.5, gzip')).toBe('gzip');
    expect(choose('gzip;q=0.2, br;q=0.9')).toBe('br');
  });
  it('sends the file as it is when nothing offered is accepted', () => {
    expect(choose('')).toBeUndefined();
    expect(choose('identity')).toBeUndefined();
    expect(choose('deflate')).toBeUndefined();
    expect(choose('br;q=0, gzip;q=0')).toBeUndefined();
    expect(choose('identity, gzip;q=0.5')).toBeUndefined();
  });
  it('reads a wildcard', () => {
    expect(choose('*')).toBe('br');
    expect(choose('*, br;q=0')).toBe('gzip');
  });
});
