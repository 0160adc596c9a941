import { getSession, updateMyProfile } from './index';
import { setCsrfToken } from './csrf';

/** A fetch that records the request it was given and answers 200 with JSON. */
function recordingFetch() {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(input instanceof Request ? input : new Request(input, init));
    return new Response(JSON.stringify({}), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

describe('CSRF token on state-changing calls', () => {
  afterEach(() => setCsrfToken(null));

  it('sends the session’s token on PATCH, not on GET', async () => {
    setCsrfToken('tok-123');
    const { seen, fetch } = recordingFetch();
    await updateMyProfile({ baseUrl: 'http://api.test', fetch, body: { locale: 'en' } });
    await getSession({ baseUrl: 'http://api.test', fetch });
    expect(seen.map((r) => [r.method, r.headers.get('X-CSRF-Token')])).toEqual([
      ['PATCH', 'tok-123'],
      ['GET', null],
    ]);
  });

  it('sends nothing once signed out', async () => {
    setCsrfToken('tok-123');
    setCsrfToken(null);
    const { seen, fetch } = recordingFetch();
    await updateMyProfile({ baseUrl: 'http://api.test', fetch, body: { locale: null } });
    expect(seen[0]?.headers.get('X-CSRF-Token')).toBeNull();
  });
});
