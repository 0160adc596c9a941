import { checkWebhookUrl } from './webhook-url';
import {
  ForbiddenAddressError,
  forbiddenAddressReason,
  parseWebhookAllowList,
  resolveWebhookHost,
  STRICT_WEBHOOK_POLICY,
} from './webhook-address';

const strict = STRICT_WEBHOOK_POLICY;

describe('webhook receiver addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.251',
    '100.64.0.1',
    '192.0.2.10',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
  ])('refuses %s', (address) => {
    expect(forbiddenAddressReason(address, strict)).not.toBeNull();
  });

  it.each(['8.8.8.8', '172.32.0.1', '193.5.80.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s',
    (address) => {
      expect(forbiddenAddressReason(address, strict)).toBeNull();
    },
  );

  it('allows internal addresses listed by the operator, and only those', () => {
    const policy = parseWebhookAllowList(' hooks.intranet , 10.20.0.0/16, 127.0.0.1 ,fd00::/8');
    expect(forbiddenAddressReason('10.20.3.4', policy)).toBeNull();
    expect(forbiddenAddressReason('127.0.0.1', policy)).toBeNull();
    expect(forbiddenAddressReason('::ffff:127.0.0.1', policy)).toBeNull();
    expect(forbiddenAddressReason('fd00::5', policy)).toBeNull();
    expect(forbiddenAddressReason('10.21.0.1', policy)).toBe('private');
    expect(forbiddenAddressReason('127.0.0.2', policy)).toBe('loopback');
    expect(() => parseWebhookAllowList('10.0.0.0/99')).toThrow();
    expect(() => parseWebhookAllowList('http://x')).toThrow();
  });
});

describe('checkWebhookUrl', () => {
  it.each([
    'https://localhost/x',
    'http://localhost:8080/x',
    'https://api.localhost/x',
    'http://127.0.0.1:9/hook',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::ffff:7f00:1]/x',
    'https://10.0.0.5/x',
    'https://172.16.9.9/x',
    'https://192.168.0.10/x',
    'https://169.254.169.254/latest/meta-data/',
    'https://0.0.0.0/',
    'https://0/',
    'https://[::]/',
    'https://[fc00::1]/',
    'https://[fe80::1]/',
    'https://224.0.0.1/',
  ])('refuses %s as forbidden_address on the url field', (url) => {
    expect(checkWebhookUrl(url)).toMatchObject({ field: 'url', code: 'forbidden_address' });
  });

  it('accepts a public https receiver and refuses plain http to it', () => {
    expect(checkWebhookUrl('https://hooks.example.org/x')).toBeNull();
    expect(checkWebhookUrl('https://8.8.8.8/x')).toBeNull();
    expect(checkWebhookUrl('http://hooks.example.org/x')).toMatchObject({ code: 'https_required' });
    expect(checkWebhookUrl('ftp://hooks.example.org/x')).toMatchObject({ code: 'https_required' });
  });

  it('accepts an allowed intranet receiver, over http too', () => {
    const policy = parseWebhookAllowList('127.0.0.1,hooks.intranet');
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', policy)).toBeNull();
    expect(checkWebhookUrl('http://127.1:9/hook', policy)).toBeNull();
    expect(checkWebhookUrl('http://hooks.intranet/h', policy)).toBeNull();
    expect(checkWebhookUrl('http://10.0.0.1/h', policy)).toMatchObject({ code: 'forbidden_address' });
    expect(checkWebhookUrl('http://localhost:9/hook', policy)).toMatchObject({ code: 'forbidden_address' });
  });
});

describe('resolveWebhookHost (send time)', () => {
  const dns = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));

  it('refuses a name when any of its addresses is internal', async () => {
    const resolve = dns({ 'mixed.example': ['8.8.8.8', '10.0.0.1'], 'meta.example': ['169.254.169.254'] });
    await expect(resolveWebhookHost('mixed.example', strict, resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
    await expect(resolveWebhookHost('meta.example', strict, resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
    await expect(resolveWebhookHost('nothing.example', strict, resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
    await expect(resolveWebhookHost('localhost', strict, resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
  });

  it('returns the checked address to connect to', async () => {
    const resolve = dns({ 'hooks.example': ['93.184.216.34'] });
    await expect(resolveWebhookHost('hooks.example', strict, resolve)).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
    });
    // An allowed name may resolve to internal addresses.
    const internal = dns({ 'hooks.intranet': ['10.1.1.1'] });
    await expect(
      resolveWebhookHost('hooks.intranet', parseWebhookAllowList('hooks.intranet'), internal),
    ).resolves.toMatchObject({ address: '10.1.1.1' });
  });
});
