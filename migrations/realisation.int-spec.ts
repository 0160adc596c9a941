import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../test/database';

/**
 * The realisation tables' CHECK constraints hold the domain's bounds (libs/domain/src/realisation).
 * Foreign keys are switched off for the session (replica role) so each check is tested on its own row.
 */
describe('realisation schema constraints', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('realisation');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`SET session_replication_role = replica`);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const id = () => randomUUID();
  const insertIndicator = (category: string, projected: number | string, indicatorId = id()) =>
    client.query(
      `INSERT INTO impact_indicator (id, project_id, category, label, unit, projected_value, projected_on, created_by)
       VALUES ($1, $2, $3, 'Hours', 'h', $4, '2027-12-31', $5)`,
      [indicatorId, id(), category, projected, id()],
    );
  const insertMilestone = (over: { weight?: number; progress?: number; status?: string; dropReason?: string | null; doneAt?: string | null }) =>
    client.query(
      `INSERT INTO milestone (project_id, position, title, weight, due_on, status, progress, drop_reason, done_at)
       VALUES ($1, 1, 'Train agents', $2, '2027-06-30', $3, $4, $5, $6)`,
      [id(), over.weight ?? 10, over.status ?? 'open', over.progress ?? 0, over.dropReason ?? null, over.doneAt ?? null],
    );

  it('refuses negative or absurd savings and accepts a falling satisfaction score', async () => {
    await expect(insertIndicator('staff_hours_saved', 1200)).resolves.toBeDefined();
    await expect(insertIndicator('staff_hours_saved', -1)).rejects.toThrow(/ck_impact_indicator_projected/);
    await expect(insertIndicator('staff_hours_saved', '1e18')).rejects.toThrow(/ck_impact_indicator_projected/);
    await expect(insertIndicator('satisfaction', -2)).resolves.toBeDefined();
    await expect(insertIndicator('gold_found', 1)).rejects.toThrow(/ck_impact_indicator_category/);
  });

  it('checks a measurement against its own indicator category', async () => {
    const indicatorId = id();
    await insertIndicator('money_saved', 5000, indicatorId);
    const measure = (category: string, value: string) =>
      client.query(
        `INSERT INTO impact_measurement (indicator_id, category, value, measured_on, source, confidence, recorded_by)
         VALUES ($1, $2, $3, '2027-10-01', 'ledger', 'audited', $4)`,
        [indicatorId, category, value, id()],
      );
    await expect(measure('money_saved', '4000')).resolves.toBeDefined();
    await expect(measure('money_saved', '-5')).rejects.toThrow(/ck_impact_measurement_value/);
    // With foreign keys on, the composite key also refuses a category other than the indicator's.
    await client.query(`SET session_replication_role = origin`);
    try {
      await expect(measure('satisfaction', '-5')).rejects.toThrow(/fk_impact_measurement_indicator/);
    } finally {
      await client.query(`SET session_replication_role = replica`);
    }
  });

  it('stores the largest budget the domain allows and refuses one above it', async () => {
    const project = (budget: string) =>
      client.query(
        `INSERT INTO implementation_project (idea_id, owner_id, org_unit_id, starts_on, budget_planned, created_by)
         VALUES ($1, $2, $3, '2027-01-01', $4, $2)`,
        [id(), id(), id(), budget],
      );
    // 10¹¹ overflowed numeric(13,2) before its CHECK was even read (migration RealisationAmounts).
    await expect(project('100000000000.00')).resolves.toBeDefined();
    await expect(project('100000000000.01')).rejects.toThrow(/ck_implementation_project_budget/);
    const line = (amount: string) =>
      client.query(
        `INSERT INTO budget_line (project_id, label, amount, spent_on, recorded_by) VALUES ($1, 'Licences', $2, '2027-02-01', $3)`,
        [id(), amount, id()],
      );
    await expect(line('100000000000')).resolves.toBeDefined();
    await expect(line('-1')).rejects.toThrow(/ck_budget_line_amount/);
  });

  it('bounds milestone weight and progress and needs a reason to drop', async () => {
    await expect(insertMilestone({})).resolves.toBeDefined();
    await expect(insertMilestone({ weight: 0 })).rejects.toThrow(/ck_milestone_weight/);
    await expect(insertMilestone({ progress: 101 })).rejects.toThrow(/ck_milestone_progress/);
    await expect(insertMilestone({ status: 'dropped', dropReason: '  ' })).rejects.toThrow(/ck_milestone_dropped_reason/);
    await expect(insertMilestone({ status: 'dropped', dropReason: 'merged into the training plan' })).resolves.toBeDefined();
    await expect(insertMilestone({ status: 'done' })).rejects.toThrow(/ck_milestone_done_at/);
  });

  it('keeps one lead per idea team', async () => {
    const ideaId = id();
    const member = (role: string) => client.query(`INSERT INTO idea_team_member (idea_id, person_id, role) VALUES ($1, $2, $3)`, [ideaId, id(), role]);
    await member('lead');
    await member('member');
    await expect(member('lead')).rejects.toThrow(/ux_idea_team_member_lead/);
  });

  it('needs learnings on a stopped experiment and dates in order', async () => {
    const experiment = (status: string, learnings: string | null, endsOn = '2027-03-01') =>
      client.query(
        `INSERT INTO experiment (idea_id, what_is_tried, where_tried, with_whom, starts_on, ends_on, status, learnings, outcome_at, created_by)
         VALUES ($1, 'A kiosk', 'Town hall', 'Visitors', '2027-01-01', $2, $3, $4, $5, $6)`,
        [id(), endsOn, status, learnings, status === 'running' ? null : new Date(), id()],
      );
    await expect(experiment('stopped', 'Nobody used it')).resolves.toBeDefined();
    await expect(experiment('stopped', null)).rejects.toThrow(/ck_experiment_stopped_learnings/);
    await expect(experiment('running', null, '2026-12-01')).rejects.toThrow(/ck_experiment_dates/);
  });

  it('starts with the default return-to-field schedule of 3 and 12 months', async () => {
    const { rows } = await client.query<{ months_after_go_live: number[] }>(`SELECT months_after_go_live FROM field_review_settings`);
    expect(rows).toEqual([{ months_after_go_live: [3, 12] }]);
  });
});
