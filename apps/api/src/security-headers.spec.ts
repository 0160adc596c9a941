import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from './security-headers';

/** The web image's nginx sends the same browser headers as the api (one policy, two servers). */
describe('docker/nginx-security-headers.conf', () => {
  const root = join(__dirname, '../../..');
  const snippet = readFileSync(join(root, 'docker/nginx-security-headers.conf'), 'utf8');
  const headers = new Map(
    [...snippet.matchAll(/^add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;$/gm)].map((m) => [
      m[1]!.toLowerCase(),
      m[2] ?? m[3] ?? '',
    ]),
  );
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...values]) => [name, values]),
    );

  it('has the api’s Content-Security-Policy (the https upgrade appended by a map)', () => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp.endsWith('$csp_upgrade')).toBe(true);
    expect(directives(csp.replace(/\$csp_upgrade$/, ''))).toEqual(CONTENT_SECURITY_POLICY);
  });

  it('has the api’s other headers', () => {
    expect(Object.fromEntries([...headers].filter(([name]) => name !== 'content-security-policy'))).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'permissions-policy': PERMISSIONS_POLICY,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': '$hsts',
    });
  });

  it('is included by every location of the template that serves the app', () => {
    const template = readFileSync(join(root, 'docker/nginx.conf.template'), 'utf8');
    for (const location of ['/assets/', '/']) {
      const block = new RegExp(`location ${location.replace(/\//g, '\\/')} \\{([^}]*)\\}`).exec(template)?.[1] ?? '';
      expect({ location, includes: block.includes('include /etc/nginx/snippets/security-headers.conf;') }).toEqual({
        location,
        includes: true,
      });
    }
    expect(template).toMatch(/map \$http_x_forwarded_proto \$hsts \{[^}]*https "max-age=31536000";[^}]*default "";/);
  });
});
