import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  CONTRIBUTION_KINDS,
  contributionKey,
  DEFAULT_CHARTER,
  RECOGNITION_FORMS,
  RECOGNITION_MILESTONE_KEYS,
  recognitionDueKey,
  REPORT_FIGURES,
} from '@eclore/domain';
import { createTestDatabase } from '../test/database';

/**
 * The recognition tables' CHECK constraints hold the domain's bounds (libs/domain/src/recognition).
 * Foreign keys are switched off for the session (replica role) so each check is tested on its own row.
 */
describe('recognition schema constraints', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('recognition');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`SET session_replication_role = replica`);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const id = () => randomUUID();
  let nextEvent = 1;
  const contribute = (kind: string, personId: string | null, over: { eventId?: number; anonymous?: boolean; claimedAt?: Date | null } = {}) =>
    client.query<{ idempotency_key: string }>(
      `INSERT INTO contribution (event_id, event_type, idea_id, kind, person_id, anonymous, claimed_at, occurred_at)
       VALUES ($1, 'x', $2, $3, $4, $5, $6, now()) RETURNING idempotency_key`,
      [over.eventId ?? nextEvent++, id(), kind, personId, over.anonymous ?? false, over.claimedAt ?? null],
    );

  describe('contribution ledger', () => {
    it('accepts every kind of the domain and no other', async () => {
      for (const kind of CONTRIBUTION_KINDS) {
        await expect(contribute(kind, kind === 'supported' ? null : id())).resolves.toBeDefined();
      }
      await expect(contribute('cheered', id())).rejects.toThrow(/ck_contribution_kind/);
    });

    it('computes the idempotency key as the domain does and records a replayed event once', async () => {
      const person = id();
      const { rows } = await contribute('team_member', person, { eventId: 9001 });
      expect(rows[0]?.idempotency_key).toBe(contributionKey('9001', 'team_member', person));
      await expect(contribute('team_member', person, { eventId: 9001 })).rejects.toThrow(/ux_contribution_idempotency_key/);
      const supported = await contribute('supported', null, { eventId: 9002 });
      expect(supported.rows[0]?.idempotency_key).toBe(contributionKey('9002', 'supported', null));
      const replay = await client.query(
        `INSERT INTO contribution (event_id, event_type, idea_id, kind, person_id, occurred_at)
         VALUES (9002, 'supported', $1, 'supported', NULL, now()) ON CONFLICT (idempotency_key) DO NOTHING`,
        [id()],
      );
      expect(replay.rowCount).toBe(0);
    });

    it('keeps the key true when erasure moves an entry to another person', async () => {
      const from = id();
      const to = id();
      await contribute('authored', from, { eventId: 9100, anonymous: true });
      const { rows } = await client.query<{ idempotency_key: string }>(
        `UPDATE contribution SET person_id = $2 WHERE person_id = $1 RETURNING idempotency_key`,
        [from, to],
      );
      expect(rows).toEqual([{ idempotency_key: contributionKey('9100', 'authored', to) }]);
    });

    it('never names a supporter and names every other contribution', async () => {
      await expect(contribute('supported', id())).rejects.toThrow(/ck_contribution_person/);
      await expect(contribute('commented', null)).rejects.toThrow(/ck_contribution_person/);
    });

    it('claims only anonymous entries', async () => {
      await expect(contribute('authored', id(), { anonymous: true, claimedAt: new Date() })).resolves.toBeDefined();
      await expect(contribute('authored', id(), { anonymous: false, claimedAt: new Date() })).rejects.toThrow(/ck_contribution_claimed/);
    });
  });

  it('takes credit-share overrides of whole percents adding up to 100, with a reason', async () => {
    const override = (a: number, t: number, n: number, reason = 'No team') =>
      client.query(`INSERT INTO credit_share_override (idea_id, authors, team, network, reason, set_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id(), a, t, n, reason, id(),
      ]);
    await expect(override(70, 20, 10)).resolves.toBeDefined();
    await expect(override(70, 20, 20)).rejects.toThrow(/ck_credit_share_override_sum/);
    await expect(override(110, -10, 0)).rejects.toThrow(/ck_credit_share_override_range/);
    await expect(override(60, 30, 10, '  ')).rejects.toThrow(/ck_credit_share_override_reason/);
  });

  describe('recognitions', () => {
    const recognition = (over: Record<string, unknown> = {}) => {
      const row = {
        idea_id: id(), milestone: 'implemented', person_id: id(), anonymous: false, status: 'due', form: null, message: null,
        is_public: false, public_declined_at: null, dismiss_reason: null, recorded_by: null, recorded_at: null,
        certificate_key: null, certificate_locale: null, ...over,
      };
      const cols = Object.keys(row);
      return client.query<{ due_key: string }>(
        `INSERT INTO recognition (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING due_key`,
        Object.values(row),
      );
    };
    const recorded = { status: 'recorded', form: 'award', message: 'Merci', recorded_by: randomUUID(), recorded_at: new Date() };

    it('opens one due item per idea, milestone, occurrence and person, keyed as the domain does', async () => {
      const ideaId = id();
      const personId = id();
      const { rows } = await recognition({ idea_id: ideaId, person_id: personId });
      expect(rows[0]?.due_key).toBe(recognitionDueKey(ideaId, 'implemented', personId));
      await expect(recognition({ idea_id: ideaId, person_id: personId })).rejects.toThrow(/ux_recognition_due_key/);
      await expect(recognition({ idea_id: ideaId, person_id: personId, milestone: 'replicated', occurrence: 'r1' })).resolves.toBeDefined();
      await expect(recognition({ idea_id: ideaId, person_id: personId, milestone: 'replicated', occurrence: 'r2' })).resolves.toBeDefined();
    });

    it('accepts the domain’s milestones and forms only', async () => {
      for (const milestone of RECOGNITION_MILESTONE_KEYS) await expect(recognition({ milestone })).resolves.toBeDefined();
      for (const form of RECOGNITION_FORMS) await expect(recognition({ ...recorded, form })).resolves.toBeDefined();
      await expect(recognition({ milestone: 'birthday' })).rejects.toThrow(/ck_recognition_milestone/);
      await expect(recognition({ ...recorded, form: 'medal' })).rejects.toThrow(/ck_recognition_form/);
    });

    it('needs a form and a message of at most 4,000 characters to record, a reason to dismiss', async () => {
      await expect(recognition({ ...recorded, message: ' ' })).rejects.toThrow(/ck_recognition_recorded/);
      await expect(recognition({ ...recorded, message: 'x'.repeat(4001) })).rejects.toThrow(/ck_recognition_recorded/);
      await expect(recognition({ ...recorded, form: null })).rejects.toThrow(/ck_recognition_recorded/);
      await expect(recognition({ status: 'due', form: 'award' })).rejects.toThrow(/ck_recognition_due/);
      const dismissed = { status: 'dismissed', recorded_by: id(), recorded_at: new Date() };
      await expect(recognition({ ...dismissed, dismiss_reason: 'Already thanked' })).resolves.toBeDefined();
      await expect(recognition({ ...dismissed, dismiss_reason: null })).rejects.toThrow(/ck_recognition_dismissed/);
    });

    it('keeps career evidence and an anonymous author’s recognition private, and a declined one private', async () => {
      await expect(recognition({ ...recorded, is_public: true })).resolves.toBeDefined();
      await expect(recognition({ ...recorded, form: 'career_evidence', is_public: true })).rejects.toThrow(/ck_recognition_public/);
      await expect(recognition({ ...recorded, anonymous: true, is_public: true })).rejects.toThrow(/ck_recognition_public/);
      await expect(recognition({ ...recorded, is_public: true, public_declined_at: new Date() })).rejects.toThrow(/ck_recognition_declined/);
      await expect(recognition({ ...recorded, is_public: false, public_declined_at: new Date() })).resolves.toBeDefined();
    });

    it('issues a certificate, in French or English, for a recorded recognition only', async () => {
      await expect(recognition({ ...recorded, certificate_key: 'certificates/a.pdf', certificate_locale: 'fr' })).resolves.toBeDefined();
      await expect(recognition({ certificate_key: 'certificates/b.pdf', certificate_locale: 'fr' })).rejects.toThrow(/ck_recognition_certificate/);
      await expect(recognition({ ...recorded, certificate_key: 'certificates/c.pdf', certificate_locale: 'de' })).rejects.toThrow(
        /ck_recognition_certificate_locale/,
      );
      await expect(recognition({ ...recorded, certificate_key: 'certificates/d.pdf' })).rejects.toThrow(/ck_recognition_certificate/);
    });

    it('starts with every milestone opening recognition, and refuses an unknown one', async () => {
      const { rows } = await client.query<{ milestones: string[] }>(`SELECT milestones FROM recognition_settings`);
      expect(rows).toEqual([{ milestones: [...RECOGNITION_MILESTONE_KEYS] }]);
      await expect(client.query(`UPDATE recognition_settings SET milestones = '{implemented,birthday}'`)).rejects.toThrow(
        /ck_recognition_settings_milestones/,
      );
    });
  });

  describe('charter', () => {
    it('starts with the default charter of the domain', async () => {
      const { rows } = await client.query<{ key: string; title_fr: string; title_en: string; indicators: string[] }>(
        `SELECT key, title_fr, title_en, indicators FROM charter_commitment WHERE valid_to IS NULL ORDER BY position`,
      );
      expect(rows).toEqual(
        DEFAULT_CHARTER.map((c) => ({ key: c.key, title_fr: c.title.fr, title_en: c.title.en, indicators: [...c.indicators] })),
      );
    });

    it('accepts every report figure as an indicator and refuses unknown ones, bad keys and a second current key', async () => {
      const commit = (key: string, position: number, indicators: string[], validTo: string | null = null) =>
        client.query(
          `INSERT INTO charter_commitment (key, position, title_fr, title_en, indicators, valid_from, valid_to)
           VALUES ($1, $2, 'Titre', 'Title', $3, '2026-01-01T00:00:00Z', $4)`,
          [key, position, indicators, validTo],
        );
      await expect(commit('innovate', 10, [...REPORT_FIGURES])).resolves.toBeDefined();
      await expect(commit('dream', 11, ['happiness'])).rejects.toThrow(/ck_charter_commitment_indicators/);
      await expect(commit('Bad Key', 12, [])).rejects.toThrow(/ck_charter_commitment_key/);
      await expect(commit('train', 13, [])).rejects.toThrow(/ux_charter_commitment_current_key/);
      await expect(commit('train', 13, [], '2026-06-01T00:00:00Z')).resolves.toBeDefined(); // history rows are closed
      await expect(commit('train', 14, [], '2025-06-01T00:00:00Z')).rejects.toThrow(/ck_charter_commitment_validity/);
      await expect(commit('other', 20, [])).rejects.toThrow(/ck_charter_commitment_position/);
    });

    it('bounds HR’s yearly inputs and keeps one current entry per year', async () => {
      const input = (year: number, over: Record<string, number | null> = {}) =>
        client.query(
          `INSERT INTO charter_input (year, people_trained, communication_actions, celebrations_held, budget, entered_by, entered_at)
           VALUES ($1, $2, $3, $4, $5, $6, '2027-03-01T00:00:00Z')`,
          [year, over['people_trained'] ?? 10, over['communication_actions'] ?? 3, over['celebrations_held'] ?? 1, over['budget'] ?? 1000.5, id()],
        );
      await expect(input(2026)).resolves.toBeDefined();
      await expect(input(2026)).rejects.toThrow(/ux_charter_input_current/);
      await client.query(`UPDATE charter_input SET superseded_at = entered_at WHERE year = 2026`);
      await expect(input(2026, { people_trained: null })).resolves.toBeDefined();
      await expect(input(2025, { people_trained: -1 })).rejects.toThrow(/ck_charter_input_people_trained/);
      await expect(input(2025, { communication_actions: 100001 })).rejects.toThrow(/ck_charter_input_communication_actions/);
      await expect(input(2025, { celebrations_held: 10001 })).rejects.toThrow(/ck_charter_input_celebrations_held/);
      await expect(input(2025, { budget: 100_000_000_000.01 })).rejects.toThrow(/ck_charter_input_budget/);
      await expect(input(2024, { budget: 100_000_000_000 })).resolves.toBeDefined(); // the domain's maximum fits
      await expect(input(1999)).rejects.toThrow(/ck_charter_input_year/);
      await expect(input(2028)).rejects.toThrow(/ck_charter_input_year/); // after the year it was entered in
    });
  });

  describe('annual report runs', () => {
    const run = (year: number, scope: string | null, status = 'queued', over: Record<string, unknown> = {}) => {
      const started = status === 'queued' ? null : new Date(Date.now() + 1000);
      const finished = status === 'done' || status === 'failed' ? new Date(Date.now() + 2000) : null;
      const row = {
        year, scope_unit_id: scope, status, started_at: started, finished_at: finished, progress: status === 'done' ? 100 : 0,
        figures: status === 'done' ? '{}' : null, pdf_fr_key: status === 'done' ? 'r/fr.pdf' : null,
        pdf_en_key: status === 'done' ? 'r/en.pdf' : null, xlsx_key: status === 'done' ? 'r/report.xlsx' : null,
        error: status === 'failed' ? 'boom' : null, ...over,
      };
      const cols = Object.keys(row);
      return client.query(`INSERT INTO annual_report_run (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
    };

    it('allows one queued or running run per year and scope, and any number of finished ones', async () => {
      const unit = id();
      await expect(run(2026, null)).resolves.toBeDefined();
      await expect(run(2026, null, 'running')).rejects.toThrow(/ux_annual_report_run_active/);
      await expect(run(2026, unit, 'running')).resolves.toBeDefined();
      await expect(run(2026, unit)).rejects.toThrow(/ux_annual_report_run_active/);
      await expect(run(2025, null)).resolves.toBeDefined();
      await expect(run(2026, null, 'done')).resolves.toBeDefined();
      await expect(run(2026, null, 'failed')).resolves.toBeDefined();
    });

    it('bounds progress and needs every file to be done, an error to fail', async () => {
      await expect(run(2020, null, 'running', { progress: 101 })).rejects.toThrow(/ck_annual_report_run_progress/);
      await expect(run(2019, null, 'done', { xlsx_key: null })).rejects.toThrow(/ck_annual_report_run_done/);
      await expect(run(2019, null, 'done', { progress: 99 })).rejects.toThrow(/ck_annual_report_run_done/);
      await expect(run(2019, null, 'failed', { error: null })).rejects.toThrow(/ck_annual_report_run_failed/);
      await expect(run(2019, null, 'queued', { started_at: new Date() })).rejects.toThrow(/ck_annual_report_run_started/);
      await expect(run(1999, null)).rejects.toThrow(/ck_annual_report_run_year/);
    });
  });
});
