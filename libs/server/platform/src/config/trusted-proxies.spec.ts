import { ConfigError, loadConfig, trustProxySetting } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost/db', REDIS_URL: 'redis://localhost:6379' };

function problemsOf(value: string): string[] {
  try {
    loadConfig({ ...base, TRUSTED_PROXIES: value });
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => p.variable);
  }
}

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default: the socket address is the client', () => {
    expect(trustProxySetting(loadConfig(base))).toBe(false);
  });

  it('reads a hop count or a list of addresses, CIDRs and range names', () => {
    expect(trustProxySetting(loadConfig({ ...base, TRUSTED_PROXIES: '2' }))).toBe(2);
    expect(trustProxySetting(loadConfig({ ...base, TRUSTED_PROXIES: '10.0.4.7, 10.8.0.0/16,fd00::/8, loopback' }))).toEqual([
      '10.0.4.7',
      '10.8.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['0', '11', 'everyone', '127.1', '0x7f.0.0.1', '10.0.0.0/33', '10.0.0.1,', 'true'])(
    'refuses %j at boot, naming the variable',
    (value) => {
      expect(problemsOf(value)).toEqual(['TRUSTED_PROXIES']);
    },
  );
});
