import type { EntityManager } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaEvent } from '@eclore/server-ideas';
import {
  Experiment,
  ExperimentHypothesis,
  ExperimentMeasure,
  IdeaTeamMember,
  ImpactIndicator,
  ImpactMeasurement,
  ImplementationProject,
  LogEntry,
  Milestone,
  Replication,
} from '@eclore/server-realisation';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';
import { DEMO_IMPACT_IDEA_ID } from './impact';

const DAY = 24 * 3600 * 1000;

/**
 * Fixed ids: the seed recognises what it made and never re-creates what the demo changed. The ideas
 * come from the portfolio, impact and field-review seeds; this one gives them the stages' work.
 */
export const DEMO_REALISATION = {
  /** The portfolio's idea in prototype (e-bikes for home visits): its team, experiment and log book. */
  experimentIdeaId: '5eed0000-9f0f-4000-8000-000000000001',
  experimentId: '5eed0000-e4e1-4000-8000-000000000001',
  /** The portfolio's idea in implementation with a project (service vehicles): a project at risk. */
  atRiskIdeaId: '5eed0000-9f0f-4000-8000-000000000008',
  atRiskProjectId: '5eed0000-e4e1-4000-8000-000000000002',
  /** The field-review idea in follow-up: an indicator with one validated and one pending measurement. */
  measuredIndicatorId: '5eed0000-e4e1-4000-8000-000000000003',
  /** The impact idea (night-restocked carts) adopted by the prevention service. */
  replicationId: '5eed0000-e4e1-4000-8000-000000000004',
  replicaIdeaId: '5eed0000-e4e1-4000-8000-000000000005',
  replicaProjectId: '5eed0000-e4e1-4000-8000-000000000006',
} as const;
const HYPOTHESIS_ID = '5eed0000-e4e1-4000-8000-000000000007';
const IMPACT_PROJECT_ID = '5eed0000-1a4c-4000-8000-000000000002';
const FOLLOW_UP_PROJECT_ID = '5eed0000-f1e1-4000-8000-000000000002';

type Clock = { at: (days: number) => Date; day: (days: number) => string };

/**
 * The stages after the committee's decision in the demo (issue 13): an experiment with its log book,
 * a project at risk, measurements in follow-up (one validated, one to validate), a replication in
 * another unit. Each part only when its anchor row is missing.
 */
export async function seedRealisationDemo(manager: EntityManager): Promise<void> {
  const now = Date.now();
  const clock: Clock = {
    at: (days) => new Date(now + days * DAY),
    day: (days) => new Date(now + days * DAY).toISOString().slice(0, 10),
  };
  const person = async (number: string): Promise<Person> => {
    const p = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` });
    if (!p) throw new Error(`Realisation demo: demo person ${number} is missing`);
    return p;
  };
  if (!(await manager.existsBy(Experiment, { id: DEMO_REALISATION.experimentId })))
    await seedExperiment(manager, clock, await person('0019'), await person('0025'));
  if (!(await manager.existsBy(ImplementationProject, { id: DEMO_REALISATION.atRiskProjectId })))
    await seedAtRiskProject(manager, clock, await person('0036'));
  if (!(await manager.existsBy(ImpactIndicator, { id: DEMO_REALISATION.measuredIndicatorId })))
    await seedMeasurements(manager, clock, await person('0024'), await person('0004'));
  if (!(await manager.existsBy(Replication, { id: DEMO_REALISATION.replicationId })))
    await seedReplication(manager, clock, await person('0020'), await person('0004'));
}

/** Véronique Pittet's e-bikes: she leads, Fatima Benali joins; three log entries, the last with a figure. */
async function seedExperiment(m: EntityManager, c: Clock, lead: Person, member: Person): Promise<void> {
  const ideaId = DEMO_REALISATION.experimentIdeaId;
  if (!(await m.existsBy(Idea, { id: ideaId }))) return;
  if (!(await m.existsBy(IdeaTeamMember, { ideaId }))) {
    await m.insert(IdeaTeamMember, [
      { ideaId, personId: lead.id, role: 'lead', isAuthor: true },
      { ideaId, personId: member.id, role: 'member', isAuthor: false },
    ]);
  }
  const experimentId = DEMO_REALISATION.experimentId;
  await m.insert(Experiment, {
    id: experimentId,
    ideaId,
    whatIsTried: 'Quatre vélos à assistance électrique pour les tournées en centre-ville',
    whereTried: 'Service des soins à domicile, secteur centre',
    withWhom: 'Six soignantes et soignants volontaires',
    startsOn: c.day(-20),
    endsOn: c.day(70),
    createdBy: lead.id,
  });
  await m.insert(ExperimentHypothesis, {
    id: HYPOTHESIS_ID,
    experimentId,
    version: 1,
    change: 'des vélos à assistance électrique',
    audience: 'les soignants des tournées en ville',
    expectedResult: 'gagner vingt minutes par tournée',
    createdBy: lead.id,
  });
  await m.insert(ExperimentMeasure, [
    { experimentId, position: 0, label: 'Temps gagné par tournée', unit: 'min', target: 20 },
    { experimentId, position: 1, label: 'Soignants qui veulent continuer', unit: '%', target: 80 },
  ]);
  const entries = [
    {
      by: lead,
      days: -19,
      body: '<p>Remise des quatre vélos et des casques ; un essai en groupe autour du service.</p>',
    },
    { by: member, days: -12, body: '<p>Première semaine : deux tournées plus courtes, une crevaison.</p>' },
    { by: lead, days: -3, body: '<p>Mi-parcours : <strong>17 minutes</strong> gagnées en moyenne par tournée.</p>' },
  ];
  for (const e of entries) {
    const row = m.create(LogEntry, {
      experimentId,
      hypothesisId: HYPOTHESIS_ID,
      writerId: e.by.id,
      bodyHtml: e.body,
      occurredOn: c.day(e.days),
    });
    await m.insert(LogEntry, row);
    // Written on the day it tells: long closed to edits (the 24-hour window), as in real use.
    await m.update(LogEntry, { id: row.id }, { createdAt: c.at(e.days) });
  }
}

/**
 * Karim Haddad's service-vehicle booking: started 60 days ago, its framing done but the connector
 * and the training far behind what their dates expect, none past due yet: at risk, not late.
 */
async function seedAtRiskProject(m: EntityManager, c: Clock, owner: Person): Promise<void> {
  const ideaId = DEMO_REALISATION.atRiskIdeaId;
  const idea = await m.findOneBy(Idea, { id: ideaId });
  if (!idea?.orgUnitId) return;
  if (!(await m.existsBy(IdeaTeamMember, { ideaId })))
    await m.insert(IdeaTeamMember, { ideaId, personId: owner.id, role: 'lead', isAuthor: true });
  await insertProject(
    m,
    c,
    { id: DEMO_REALISATION.atRiskProjectId, ideaId, ownerId: owner.id, orgUnitId: idea.orgUnitId, createdBy: owner.id },
    { startedDaysAgo: 60, budgetPlanned: 12000 },
    [
      { title: 'Cadrage avec les services', weight: 20, dueIn: -40, doneIn: -42 },
      { title: 'Planning branché sur le parc automobile', weight: 50, dueIn: 10, progress: 20 },
      { title: 'Formation des accueils', weight: 30, dueIn: 20, progress: 0 },
    ],
  );
}

/** Kevin Nguyen measures the shared board's handover time: one figure validated by Nathalie Gagnon, one to validate. */
async function seedMeasurements(m: EntityManager, c: Clock, owner: Person, network: Person): Promise<void> {
  if (!(await m.existsBy(ImplementationProject, { id: FOLLOW_UP_PROJECT_ID }))) return;
  const indicatorId = DEMO_REALISATION.measuredIndicatorId;
  await m.insert(ImpactIndicator, {
    id: indicatorId,
    projectId: FOLLOW_UP_PROJECT_ID,
    category: 'service_quality',
    label: 'Relèves sans information perdue',
    unit: '%',
    baseline: 70,
    projectedValue: 95,
    projectedOn: `${c.at(0).getUTCFullYear() + 1}-03-31`,
    createdBy: owner.id,
  });
  await m.insert(ImpactMeasurement, [
    {
      indicatorId,
      category: 'service_quality',
      value: 88,
      measuredOn: c.day(-30),
      source: 'Audit des relèves du premier mois',
      confidence: 'measured',
      recordedBy: owner.id,
      validatedBy: network.id,
      validatedAt: c.at(-28),
    },
    {
      indicatorId,
      category: 'service_quality',
      value: 91,
      measuredOn: c.day(-2),
      source: 'Relevé des relèves du deuxième mois',
      confidence: 'estimated',
      recordedBy: owner.id,
    },
  ]);
}

/**
 * The prevention service adopts the night-restocked carts (adopted by Nathalie Gagnon, owned by
 * François Lavoie), as ReplicationService.adopt would: a replica idea in implementation with its own
 * project, milestones and indicator, the original credited through the lineage.
 */
async function seedReplication(m: EntityManager, c: Clock, owner: Person, network: Person): Promise<void> {
  const original = await m.findOneBy(Idea, { id: DEMO_IMPACT_IDEA_ID });
  const unit = await m.findOneBy(OrgUnit, { code: 'DS-PREV' });
  if (!original || !unit || !(await m.existsBy(ImplementationProject, { id: IMPACT_PROJECT_ID }))) return;
  const { replicaIdeaId, replicaProjectId, replicationId } = DEMO_REALISATION;
  const adoptedAt = c.at(-15);
  if (!(await m.existsBy(Idea, { id: replicaIdeaId }))) {
    await m.insert(Idea, {
      id: replicaIdeaId,
      kind: 'solution',
      status: 'implement',
      title: `${original.title} — ${unit.name}`,
      summary: original.summary,
      bodyHtml: `<p>Adopté depuis <a href="/ideas/${original.id}">${original.title}</a>.</p>${original.bodyHtml}`,
      orgUnitId: unit.id,
      authorId: network.id,
      anonymous: false,
      submittedAt: adoptedAt,
      publishedAt: adoptedAt,
    });
  }
  await insertProject(
    m,
    c,
    { id: replicaProjectId, ideaId: replicaIdeaId, ownerId: owner.id, orgUnitId: unit.id, createdBy: network.id },
    { startedDaysAgo: 15, budgetPlanned: 1500 },
    [
      { title: 'Chariots commandés', weight: 1, dueIn: -5, doneIn: -6 },
      { title: 'Première nuit de réapprovisionnement', weight: 2, dueIn: 30, progress: 30 },
    ],
  );
  await m.insert(ImpactIndicator, {
    projectId: replicaProjectId,
    category: 'staff_hours_saved',
    label: 'Heures de prévention récupérées',
    unit: 'h/an',
    baseline: 0,
    projectedValue: 300,
    projectedOn: `${c.at(0).getUTCFullYear() + 1}-12-31`,
    createdBy: owner.id,
  });
  await m.insert(Replication, {
    id: replicationId,
    originalProjectId: IMPACT_PROJECT_ID,
    replicaProjectId,
    orgUnitId: unit.id,
    requestedBy: network.id,
    status: 'active',
    decidedAt: adoptedAt,
  });
  await m.insert(IdeaEvent, {
    ideaId: original.id,
    type: 'replication_adopted',
    actorId: network.id,
    public: true,
    data: { replicationId, replicaIdeaId, unitId: unit.id, unitName: unit.name, ownerId: owner.id },
    occurredAt: adoptedAt,
  } as never);
}

/** A milestone of a demo project, its dates in days from now; `doneIn`: done on that day. */
interface DemoMilestone {
  title: string;
  weight: number;
  dueIn: number;
  progress?: number;
  doneIn?: number;
}

/** A demo implementation project and its milestones, in order. */
async function insertProject(
  m: EntityManager,
  c: Clock,
  project: Pick<ImplementationProject, 'id' | 'ideaId' | 'ownerId' | 'orgUnitId' | 'createdBy'>,
  plan: { startedDaysAgo: number; budgetPlanned: number },
  milestones: readonly DemoMilestone[],
): Promise<void> {
  await m.insert(ImplementationProject, {
    ...project,
    startsOn: c.day(-plan.startedDaysAgo),
    budgetPlanned: plan.budgetPlanned,
  });
  await m.insert(
    Milestone,
    milestones.map((ms, position) => ({
      projectId: project.id,
      position,
      title: ms.title,
      weight: ms.weight,
      dueOn: c.day(ms.dueIn),
      ...(ms.doneIn === undefined
        ? { progress: ms.progress ?? 0 }
        : { status: 'done' as const, progress: 100, doneAt: c.at(ms.doneIn) }),
    })),
  );
}
