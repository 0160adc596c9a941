// The recognition stage of generate.mjs: the contribution ledger, derived from the whole idea_event
// history by the domain's own rule table; recognitions recorded for the implemented and accepted
// ideas' authors; HR's charter inputs for the year and the year before. It reads the temporary
// tables `plan` and `lifecycle` generate.mjs made.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { days, h, network, person, u } from './generate-draws.mjs';

/** The domain's rule table, from the build: the ledger below is derived from it, never restated. */
function contributionRules(build) {
  const require = createRequire(join(build, 'libs/domain/src/index.js'));
  return require(join(build, 'libs/domain/src/index.js')).CONTRIBUTION_RULES;
}

const quote = (s) => `'${s.replace(/'/g, "''")}'`;

/**
 * The contribution rows of the whole history, one SELECT per kind: the event types and statuses of
 * the kind's rule, its person as the recorder resolves it (the actor, else the writer of the comment
 * the event names; the idea's author; data.personId; nobody), anonymous when that person's identity
 * is hidden on the idea (an anonymous idea's author, as creditFacts decides for this data set).
 */
function ledgerSql(build) {
  const rules = contributionRules(build);
  const personOf = {
    actor: { from: '', person: `COALESCE(e.actor_id, c.author_id)` },
    idea_author: { from: '', person: `i.author_id` },
    data_person: {
      from: '',
      person: `CASE WHEN e.data->>'personId' ~ '^[0-9a-f-]{36}$' THEN (e.data->>'personId')::uuid END`,
    },
    data_people: {
      from: `CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.data->'personIds') = 'array'
               THEN e.data->'personIds' ELSE '[]'::jsonb END) dp(id)`,
      person: `dp.id::uuid`,
    },
    nobody: { from: '', person: `NULL::uuid` },
  };
  const selects = Object.entries(rules).flatMap(([kind, rule]) =>
    [rule.person].flat().map(
      (source) => `
      SELECT e.id AS event_id, e.type AS event_type, e.idea_id, ${quote(kind)} AS kind,
             ${personOf[source].person} AS person_id, e.occurred_at
        FROM idea_event e
        JOIN idea i ON i.id = e.idea_id
        LEFT JOIN idea_comment c ON c.id::text = e.data->>'commentId' AND e.actor_id IS NULL
        ${personOf[source].from}
       WHERE e.type IN (${rule.eventTypes.map(quote).join(', ')})
         ${rule.fromStatuses ? `AND e.from_status IN (${rule.fromStatuses.map(quote).join(', ')})` : ''}`,
    ),
  );
  // DISTINCT: a person named by two sources of one rule is recorded once (the idempotency key).
  return `
    INSERT INTO contribution (event_id, event_type, idea_id, kind, person_id, anonymous, occurred_at)
    SELECT DISTINCT x.event_id, x.event_type, x.idea_id, x.kind, x.person_id,
           x.person_id IS NOT NULL AND i.anonymous AND x.person_id = i.author_id, x.occurred_at
      FROM (${selects.join('\n      UNION ALL')}) x
      JOIN idea i ON i.id = x.idea_id
     WHERE x.person_id IS NOT NULL OR x.kind = 'supported'
     ORDER BY x.event_id`;
}

/** `step(label, sql)`: generate.mjs's timed statement; `build`: the compiled server code; `year`: the report's. */
export async function seedRecognition(step, build, year) {
  await step('contribution ledger (from CONTRIBUTION_RULES)', ledgerSql(build));
  await step(
    'recognitions (authors of implemented ideas, 1 in 5 accepted ideas)',
    `
    INSERT INTO recognition (idea_id, milestone, occurrence, person_id, anonymous, status, opened_at, form, message, is_public, recorded_by, recorded_at)
    SELECT l.idea_id, CASE WHEN l.k = 7 THEN 'implemented' ELSE 'idea_accepted' END, '-', p.author_id, p.anonymous, 'recorded', l.at,
           CASE WHEN p.anonymous THEN 'career_evidence' ELSE (ARRAY['thanks_letter', 'award', 'career_evidence', 'public_celebration'])[1 + ${h('l.n', 'form', 4)}] END,
           'Merci pour cette idée.', false, ${network('l.n', 'rby')}, LEAST(l.at + ${days(`3 + 30 * ${u('l.n', 'rt')}`)}, now() - interval '1 hour')
      FROM lifecycle l JOIN plan p ON p.id = l.idea_id
     WHERE l.k = 7 OR (l.k = 2 AND ${u('l.n', 'rec')} < 0.2)`,
  );
  await step(
    'charter inputs',
    `
    INSERT INTO charter_input (year, people_trained, communication_actions, celebrations_held, budget, entered_by)
    VALUES (${year}, 4200, 36, 5, 250000, ${person('1')}), (${year - 1}, 3100, 24, 3, 180000, ${person('1')})`,
  );
}
