import type { EntityManager } from 'typeorm';

/** A validated experiment's evidence as the committee shows it beside an agenda item. */
export interface ExperimentEvidence {
  experimentId: string;
  ideaId: string;
  hypothesis: { change: string; audience: string; expectedResult: string; version: number };
  measures: { label: string; unit: string; target: number }[];
  learnings: string | null;
  logEntryCount: number;
  outcomeAt: string | null;
}

/** The idea's validated experiment, if any (the committee may then decide implement on a prototype). */
export async function validatedExperimentOf(
  manager: EntityManager,
  ideaId: string,
): Promise<ExperimentEvidence | null> {
  const [row] = await manager.query<{ id: string }[]>(
    `SELECT id FROM experiment WHERE idea_id = $1 AND status = 'validated' ORDER BY outcome_at DESC LIMIT 1`,
    [ideaId],
  );
  return row ? ((await evidenceOf(manager, [row.id])).get(row.id) ?? null) : null;
}

/** Which of these ideas have a validated experiment (prototypes the committee may take up for decide_implement). */
export async function ideasWithValidatedExperiment(
  manager: EntityManager,
  ideaIds: readonly string[],
): Promise<Set<string>> {
  if (ideaIds.length === 0) return new Set();
  const rows = await manager.query<{ ideaId: string }[]>(
    `SELECT DISTINCT idea_id AS "ideaId" FROM experiment WHERE idea_id = ANY($1::uuid[]) AND status = 'validated'`,
    [ideaIds],
  );
  return new Set(rows.map((r) => r.ideaId));
}

/** Links the experiment's evidence to the agenda item asking for decide_implement. */
export async function attachEvidenceToAgendaItem(
  manager: EntityManager,
  experimentId: string,
  agendaItemId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO experiment_agenda_item (experiment_id, agenda_item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [experimentId, agendaItemId],
  );
}

/** The evidence attached to these agenda items, by item id. */
export async function evidenceForAgendaItems(
  manager: EntityManager,
  agendaItemIds: readonly string[],
): Promise<Map<string, ExperimentEvidence>> {
  if (agendaItemIds.length === 0) return new Map();
  const links = await manager.query<{ experimentId: string; agendaItemId: string }[]>(
    `SELECT experiment_id AS "experimentId", agenda_item_id AS "agendaItemId"
       FROM experiment_agenda_item WHERE agenda_item_id = ANY($1::uuid[])`,
    [agendaItemIds],
  );
  const evidence = await evidenceOf(manager, [...new Set(links.map((l) => l.experimentId))]);
  const out = new Map<string, ExperimentEvidence>();
  for (const l of links) {
    const e = evidence.get(l.experimentId);
    if (e) out.set(l.agendaItemId, e);
  }
  return out;
}

async function evidenceOf(
  manager: EntityManager,
  experimentIds: readonly string[],
): Promise<Map<string, ExperimentEvidence>> {
  if (experimentIds.length === 0) return new Map();
  const rows = await manager.query<
    {
      id: string;
      ideaId: string;
      learnings: string | null;
      outcomeAt: Date | null;
      change: string;
      audience: string;
      expectedResult: string;
      version: number;
      entries: number;
      measures: { label: string; unit: string; target: number }[] | null;
    }[]
  >(
    `SELECT e.id, e.idea_id AS "ideaId", e.learnings, e.outcome_at AS "outcomeAt",
            h.change, h.audience, h.expected_result AS "expectedResult", h.version,
            (SELECT count(*)::int FROM log_entry l WHERE l.experiment_id = e.id) AS entries,
            (SELECT json_agg(json_build_object('label', m.label, 'unit', m.unit, 'target', m.target) ORDER BY m.position)
               FROM experiment_measure m WHERE m.experiment_id = e.id) AS measures
       FROM experiment e
       JOIN experiment_hypothesis h ON h.experiment_id = e.id AND h.superseded_at IS NULL
      WHERE e.id = ANY($1::uuid[])`,
    [experimentIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        experimentId: r.id,
        ideaId: r.ideaId,
        hypothesis: { change: r.change, audience: r.audience, expectedResult: r.expectedResult, version: r.version },
        measures: (r.measures ?? []).map((m) => ({ ...m, target: Number(m.target) })),
        learnings: r.learnings,
        logEntryCount: r.entries,
        outcomeAt: r.outcomeAt ? new Date(r.outcomeAt).toISOString() : null,
      },
    ]),
  );
}
