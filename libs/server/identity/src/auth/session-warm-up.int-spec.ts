/**
 * The api readies its connections for the session's look-up before it takes traffic (issue 15, cold
 * start): after SessionService.warmUp(n), n connections each hold the look-up prepared by name
 * (AuthRepository.resolveSession through queryPrepared), and a look-up still finds a session and
 * refuses an unknown token.
 */
import 'reflect-metadata';
import type { AppConfig } from '@eclore/server-platform';
import {
  makePerson,
  onEachPooledConnection,
  openTestDataSource,
  type TestDataSource,
} from '../../../../../test/harness';
import type { AuditService } from '../audit/audit.service';
import { AuthRepository } from './auth.repository';
import { hashSessionToken, SessionService } from './session.service';

describe('session look-up warm-up', () => {
  let t: TestDataSource;
  let sessions: SessionService;

  beforeAll(async () => {
    t = await openTestDataSource('session_warm_up');
    const config = { SESSION_ABSOLUTE_HOURS: 12, SESSION_IDLE_MINUTES: 60 } as AppConfig;
    // resolve() never audits; create() is not called here.
    sessions = new SessionService(t.ds, config, {} as AuditService, new AuthRepository(t.ds));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  /** Whether each connection the pool holds has the look-up prepared. */
  function preparedOnEach(): Promise<boolean[]> {
    return onEachPooledConnection(
      t.ds,
      async (c) =>
        ((await c.query(`SELECT 1 FROM pg_prepared_statements WHERE name = 'resolve_session'`)).rowCount ?? 0) > 0,
    );
  }

  it('prepares the look-up on every connection it is given, and look-ups still answer', async () => {
    await sessions.warmUp(4);
    const prepared = await preparedOnEach();
    expect(prepared.length).toBeGreaterThanOrEqual(4);
    expect(prepared.every(Boolean)).toBe(true);

    const { person } = await makePerson(t.ds);
    const token = 'warm-up-spec-token';
    await t.ds.query(
      `INSERT INTO user_session (token_hash, person_id, csrf_token, method, last_seen_at, expires_at)
       VALUES ($1, $2, 'csrf', 'password', now(), now() + interval '1 hour')`,
      [hashSessionToken(token), person.id],
    );
    const resolved = await sessions.resolve(token);
    expect(typeof resolved === 'object' && resolved.actor.personId).toBe(person.id);
    expect(await sessions.resolve('no-such-token')).toBe('unknown');
  });
});
