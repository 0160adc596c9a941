import { deliveryErrorText, en, fr } from './i18n';

describe('webhook delivery errors in words', () => {
  // The classes the worker stores in lastError (libs/server/webhooks/src/webhook-http.ts, webhook-sender.ts).
  const classes = [
    'timeout',
    'connection_refused',
    'connection_reset',
    'dns_error',
    'unreachable',
    'tls_error',
    'forbidden_address',
    'network_error',
    'subscription_inactive',
    'idea_not_public',
  ];

  it.each([
    ['fr', fr],
    ['en', en],
  ])('names every error class in %s', (_lang, s) => {
    for (const c of classes) expect(deliveryErrorText(s, c, null)).not.toBe(c);
    expect(deliveryErrorText(s, 'http_503', 503)).toContain('503');
    expect(deliveryErrorText(s, null, 200)).toContain('200');
    expect(deliveryErrorText(s, null, null)).toBe('—');
  });

  it('says the same things in both languages', () => {
    expect(Object.keys(en.deliveryErrors).sort()).toEqual(Object.keys(fr.deliveryErrors).sort());
    expect(deliveryErrorText(fr, 'timeout', null)).not.toBe(deliveryErrorText(en, 'timeout', null));
  });
});
