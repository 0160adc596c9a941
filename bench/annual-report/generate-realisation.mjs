// The realisation stage of generate.mjs: what the realisation writes beside the ideas — idea teams
// (lead and members), experiments and their outcomes, implementation projects, their milestones,
// impact indicators and validated measurements, replications (a replica idea and project each) —
// and the scorecards of the qualified ideas. It reads the temporary tables `plan` and `lifecycle`
// generate.mjs made, and leaves `team` and `rep` for the idea events that follow.
import { DIRECTIONS, PEOPLE, SERVICES, UNITS, days, h, network, person, u, uuid } from './generate-draws.mjs';

/** `step(label, sql)`: generate.mjs's timed statement. */
export async function seedRealisation(step) {
  await step(
    'idea teams (lead: the author unless anonymous, 2–5 more)',
    `
    CREATE TEMP TABLE team AS
    SELECT d.idea_id, d.n, m.j,
           CASE WHEN m.j = 0 AND NOT p.anonymous THEN p.author_id ELSE ${person(`1 + ${h(`d.n || '-' || m.j`, 'tm', PEOPLE)}`)} END AS person_id,
           CASE WHEN m.j = 0 THEN 'lead' ELSE 'member' END AS role,
           d.at + ${days(`1 + m.j + 5 * ${u(`d.n || '-' || m.j`, 'tj')}`)} AS joined_at
      FROM lifecycle d JOIN plan p ON p.id = d.idea_id
      CROSS JOIN LATERAL generate_series(0, 2 + ${h('d.n', 'ts', 4)}) m(j)
     WHERE d.k = 5;
    DELETE FROM team t USING team t2
     WHERE t.idea_id = t2.idea_id AND t.person_id = t2.person_id AND t.j > t2.j;
    DELETE FROM team WHERE joined_at > now() - interval '1 hour';
    INSERT INTO idea_team_member (idea_id, person_id, role, is_author, joined_at)
    SELECT t.idea_id, t.person_id, t.role, t.person_id = p.author_id, t.joined_at FROM team t JOIN plan p ON p.id = t.idea_id`,
  );
  await step(
    'experiments (decided to prototype)',
    `
    INSERT INTO experiment (id, idea_id, what_is_tried, where_tried, with_whom, starts_on, ends_on, status, learnings, outcome_at, created_by, created_at)
    SELECT ${uuid(`'exp' || d.n`)}, d.idea_id, 'Essai ' || d.n, 'Sur le terrain', 'L’équipe',
           (d.at + interval '3 days')::date, (d.at + interval '63 days')::date,
           CASE WHEN v.at IS NOT NULL OR p.side = 'validated' THEN 'validated' WHEN st.at IS NOT NULL THEN 'stopped' ELSE 'running' END,
           CASE WHEN st.at IS NOT NULL THEN 'Ce que nous avons appris' END,
           CASE WHEN v.at IS NOT NULL THEN v.at - interval '3 days' WHEN p.side = 'validated' THEN LEAST(d.at + interval '50 days', now() - interval '2 hours')
                WHEN st.at IS NOT NULL THEN st.at END,
           p.author_id, d.at + interval '2 days'
      FROM lifecycle d JOIN plan p ON p.id = d.idea_id
      LEFT JOIN lifecycle v ON v.idea_id = d.idea_id AND v.k = 6
      LEFT JOIN lifecycle st ON st.idea_id = d.idea_id AND st.k = 9 AND st.type = 'stop'
     WHERE d.k = 5 AND d.type = 'decide_prototype' AND d.at + interval '2 days' < now()`,
  );
  await step(
    'implementation projects',
    `
    INSERT INTO implementation_project (id, idea_id, owner_id, org_unit_id, starts_on, go_live_at, budget_planned, completed_at, created_by, created_at)
    SELECT ${uuid(`'proj' || d.n`)}, d.idea_id, ${person(`1 + ${h('d.n', 'own', PEOPLE)}`)}, i.org_unit_id,
           (d.at + interval '5 days')::date, live.at, 1000 * ${h('d.n', 'bud', 100)}, closed.at, ${network('d.n', 'pc')}, d.at
      FROM lifecycle d JOIN idea i ON i.id = d.idea_id
      LEFT JOIN lifecycle live ON live.idea_id = d.idea_id AND live.k = 7
      LEFT JOIN lifecycle closed ON closed.idea_id = d.idea_id AND closed.k = 8
     WHERE d.to_status = 'implement'`,
  );
  await step(
    'milestones (3 per project, done before go-live)',
    `
    INSERT INTO milestone (id, project_id, position, title, weight, due_on, status, progress, done_at, created_at, updated_by)
    SELECT ${uuid(`'ms' || p.id || '-' || x`)}, p.id, x, 'Jalon ' || (x + 1), 1, (p.starts_on + 30 * (x + 1)),
           CASE WHEN p.go_live_at IS NOT NULL THEN 'done' ELSE 'open' END,
           CASE WHEN p.go_live_at IS NOT NULL THEN 100 ELSE 0 END,
           p.go_live_at - make_interval(days => 3 * (3 - x)), p.created_at, p.owner_id
      FROM implementation_project p CROSS JOIN generate_series(0, 2) x`,
  );
  await step(
    'impact indicators (2 per project in service)',
    `
    INSERT INTO impact_indicator (id, project_id, category, label, unit, baseline, projected_value, projected_on, created_by, created_at)
    SELECT ${uuid(`'ind' || p.id || '-' || x`)}, p.id, (ARRAY['money_saved', 'staff_hours_saved', 'service_quality', 'environment_carbon'])[1 + ${h(`p.id || '-' || x`, 'cat', 4)}],
           'Indicateur ' || (x + 1), CASE WHEN x = 0 THEN 'EUR' ELSE 'h' END, 0, 1000 + ${h(`p.id || '-' || x`, 'pv', 50000)},
           (p.go_live_at + interval '180 days')::date, p.owner_id, p.go_live_at
      FROM implementation_project p CROSS JOIN generate_series(0, 1) x
     WHERE p.go_live_at IS NOT NULL`,
  );
  await step(
    'impact measurements (1–3 each, validated)',
    `
    INSERT INTO impact_measurement (id, indicator_id, category, value, measured_on, source, confidence, recorded_by, validated_by, validated_at, created_at)
    SELECT ${uuid(`'mes' || ii.id || '-' || x`)}, ii.id, ii.category, 500 + ${h(`ii.id || '-' || x`, 'mv', 60000)},
           (ii.created_at + make_interval(days => 40 * (x + 1)))::date, 'Relevé', (ARRAY['estimated', 'measured', 'audited'])[1 + x],
           ii.created_by, ${network(`ii.id || '-' || x`, 'val')}, ii.created_at + make_interval(days => 40 * (x + 1) + 3),
           ii.created_at + make_interval(days => 40 * (x + 1))
      FROM impact_indicator ii CROSS JOIN generate_series(0, ${h('ii.id', 'nm', 3)}::int) x
     WHERE ii.created_at + make_interval(days => 40 * (x + 1) + 3) < now()`,
  );
  await step(
    'replications (one in four ideas in service, a replica idea and project each)',
    `
    CREATE TEMP TABLE rep AS
    SELECT p.id AS original_project_id, p.idea_id, ${uuid(`'rep' || p.id`)} AS id, ${uuid(`'repidea' || p.id`)} AS replica_idea_id,
           ${uuid(`'repproj' || p.id`)} AS replica_project_id,
           ${uuid(`'unit' || ${h('p.id', 'rd', DIRECTIONS)} || '-' || ${h('p.id', 'rs', SERVICES)} || '-' || ${h('p.id', 'ru', UNITS)}`)} AS org_unit_id,
           ${network('p.id', 'rq')} AS requested_by, p.go_live_at + ${days(`20 + 120 * ${u('p.id', 'rt')}`)} AS at
      FROM implementation_project p
     WHERE p.go_live_at IS NOT NULL AND ${u('p.id', 'rep')} < 0.25;
    DELETE FROM rep WHERE at > now() - interval '1 hour';
    DELETE FROM rep r USING implementation_project p WHERE p.id = r.original_project_id AND p.org_unit_id = r.org_unit_id;
    INSERT INTO idea (id, kind, status, title, summary, body_html, org_unit_id, themes, author_id, created_at, updated_at, version)
    SELECT r.replica_idea_id, 'solution', 'implement', 'Idée essaimée ' || r.id, '', '', r.org_unit_id, ARRAY['other'], r.requested_by, r.at, r.at, 1 FROM rep r;
    INSERT INTO implementation_project (id, idea_id, owner_id, org_unit_id, starts_on, budget_planned, created_by, created_at)
    SELECT r.replica_project_id, r.replica_idea_id, r.requested_by, r.org_unit_id, r.at::date, 0, r.requested_by, r.at FROM rep r;
    INSERT INTO replication (id, original_project_id, replica_project_id, org_unit_id, requested_by, status, created_at, decided_at)
    SELECT r.id, r.original_project_id, r.replica_project_id, r.org_unit_id, r.requested_by, 'active', r.at, r.at FROM rep r`,
  );
  await step(
    'scorecards (2 per qualified idea)',
    `
    INSERT INTO scorecard (id, idea_id, reviewer_id, status, scores, comment, submitted_at, created_at)
    SELECT ${uuid(`'sc' || q.n || '-' || x`)}, q.idea_id, ${network(`q.n || '-' || x`, 'rev')}, 'submitted', '{}'::jsonb, '',
           q.at - make_interval(hours => 2 + x), q.at - interval '1 day'
      FROM lifecycle q CROSS JOIN generate_series(0, 1) x
     WHERE q.k = 4
    ON CONFLICT DO NOTHING`,
  );
}
