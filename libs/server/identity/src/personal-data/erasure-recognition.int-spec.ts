import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../../../../../test/database';
import { ANONYMOUS_PLACEHOLDER_ID, DETACH_FROM_ANONYMOUS_IDEA, ERASURE_PLAN } from './erasure-plan';

/**
 * Erasure of the recognition tables' person references (issue 14), on the real schema: the ledger's
 * anonymous entries go to the shared placeholder with their keys recomputed (no clash with an entry
 * the placeholder already holds), recognitions on an anonymous idea are dropped, and the person's
 * other recognitions lose their message, certificate and publicity. Foreign keys are off (replica
 * role) so the rows need no ideas or events around them.
 */
describe('erasure of contributions and recognitions', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  const person = randomUUID();
  const anonymousIdea = randomUUID();
  const namedIdea = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('erasurerecog');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`SET session_replication_role = replica`);
    const contribution = (eventId: number, ideaId: string, kind: string, personId: string, anonymous: boolean) =>
      client.query(
        `INSERT INTO contribution (event_id, event_type, idea_id, kind, person_id, anonymous, occurred_at)
         VALUES ($1, 'x', $2, $3, $4, $5, now())`,
        [eventId, ideaId, kind, personId, anonymous],
      );
    await contribution(1, anonymousIdea, 'authored', person, true);
    await contribution(2, anonymousIdea, 'team_member', person, true);
    // An earlier erased co-author already handed this event's entry to the placeholder.
    await contribution(2, anonymousIdea, 'team_member', ANONYMOUS_PLACEHOLDER_ID, true);
    await contribution(3, namedIdea, 'commented', person, false);
    await client.query(
      `INSERT INTO recognition (idea_id, milestone, occurrence, person_id, status, form, message, is_public, recorded_by,
                                recorded_at, dismiss_reason, certificate_key, certificate_locale)
       VALUES ($1, 'implemented', '-', $3, 'due', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
              ($2, 'implemented', '-', $3, 'due', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
              ($2, 'replicated', 'r1', $3, 'recorded', 'public_celebration', 'Bravo Łukasz !', true, $4, now(), NULL, 'c/1.pdf', 'fr'),
              ($2, 'replicated', 'r2', $3, 'dismissed', NULL, NULL, false, $4, now(), 'Thanked Łukasz in person', NULL, NULL)`,
      [anonymousIdea, namedIdea, person, randomUUID()],
    );

    for (const sql of DETACH_FROM_ANONYMOUS_IDEA)
      await client.query(sql, [person, anonymousIdea, ANONYMOUS_PLACEHOLDER_ID]);
    await client.query(ERASURE_PLAN['recognition.person_id']!.sql!, [person]);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('hands the anonymous entries to the placeholder, once each, and keeps the named ones', async () => {
    const { rows } = await client.query<{ idempotency_key: string; person_id: string }>(
      `SELECT idempotency_key, person_id FROM contribution ORDER BY event_id`,
    );
    expect(rows).toEqual([
      { idempotency_key: `1:authored:${ANONYMOUS_PLACEHOLDER_ID}`, person_id: ANONYMOUS_PLACEHOLDER_ID },
      { idempotency_key: `2:team_member:${ANONYMOUS_PLACEHOLDER_ID}`, person_id: ANONYMOUS_PLACEHOLDER_ID },
      { idempotency_key: `3:commented:${person}`, person_id: person },
    ]);
  });

  it('drops the recognitions on the anonymous idea and the open ones, and strips the rest', async () => {
    const { rows } = await client.query(
      `SELECT idea_id, status, form, message, dismiss_reason, is_public, certificate_key FROM recognition ORDER BY status`,
    );
    expect(rows).toEqual([
      {
        idea_id: namedIdea,
        status: 'dismissed',
        form: null,
        message: null,
        dismiss_reason: '—',
        is_public: false,
        certificate_key: null,
      },
      {
        idea_id: namedIdea,
        status: 'recorded',
        form: 'public_celebration',
        message: '—',
        dismiss_reason: null,
        is_public: false,
        certificate_key: null,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('Łukasz');
  });
});
