import {
  LINK_MINUTES,
  REPORT_FILE_KINDS,
  checkLink,
  newLinkSecret,
  reportStorageKey,
  signLink,
} from './download-links';

const RUN = '0b6f0a3e-8d0c-4a53-9f52-3a0c3f7f2b11';

describe('annual report download links', () => {
  const secret = newLinkSecret();
  const now = new Date('2026-03-01T10:00:00Z');
  const parts = (url: string) => {
    const u = new URL(url, 'http://x');
    return {
      path: u.pathname,
      expires: Number(u.searchParams.get('expires')),
      signature: u.searchParams.get('signature')!,
    };
  };

  it('signs a link to one file of one run that works for 15 minutes', () => {
    const link = parts(signLink(secret, RUN, 'pdf-fr', now).url);
    expect(link.path).toBe(`/api/recognition/annual-reports/${RUN}/files/pdf-fr`);
    expect(link.expires).toBe(now.getTime() / 1000 + LINK_MINUTES * 60);
    expect(checkLink(secret, RUN, 'pdf-fr', link.expires, link.signature, now)).toBe('valid');
    const justBefore = new Date(link.expires * 1000 - 1);
    expect(checkLink(secret, RUN, 'pdf-fr', link.expires, link.signature, justBefore)).toBe('valid');
    expect(checkLink(secret, RUN, 'pdf-fr', link.expires, link.signature, new Date(link.expires * 1000))).toBe(
      'expired',
    );
  });

  it('refuses a link changed in any part, or checked with another secret or none', () => {
    const { expires, signature } = parts(signLink(secret, RUN, 'xlsx', now).url);
    expect(checkLink(secret, RUN, 'pdf-en', expires, signature, now)).toBe('invalid');
    expect(checkLink(secret, RUN.replace('b11', 'b12'), 'xlsx', expires, signature, now)).toBe('invalid');
    expect(checkLink(secret, RUN, 'xlsx', expires + 60, signature, now)).toBe('invalid');
    expect(checkLink(secret, RUN, 'xlsx', expires, signature.slice(1), now)).toBe('invalid');
    expect(checkLink(secret, RUN, 'xlsx', expires, '', now)).toBe('invalid');
    expect(checkLink(newLinkSecret(), RUN, 'xlsx', expires, signature, now)).toBe('invalid');
    expect(checkLink(null, RUN, 'xlsx', expires, signature, now)).toBe('invalid');
    // A tampered expiry is "invalid", not "expired", even once past.
    expect(checkLink(secret, RUN, 'xlsx', expires - 3600, signature, now)).toBe('invalid');
  });

  it('draws a different secret for each run, and derives one storage key per file from the run id', () => {
    expect(newLinkSecret()).not.toBe(newLinkSecret());
    expect(newLinkSecret().length).toBeGreaterThanOrEqual(43);
    expect(REPORT_FILE_KINDS.map((kind) => reportStorageKey(RUN, kind))).toEqual([
      `annual-reports/${RUN}/report-fr.pdf`,
      `annual-reports/${RUN}/report-en.pdf`,
      `annual-reports/${RUN}/report.xlsx`,
      `annual-reports/${RUN}/report-en.xlsx`,
    ]);
  });
});
