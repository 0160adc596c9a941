import type { EntityManager } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent } from '@eclore/server-ideas';
import { IdeaTeamMember, ImpactIndicator, ImpactMeasurement, ImplementationProject } from '@eclore/server-realisation';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

/** Fixed ids: the seed recognises its idea and never re-creates what the demo changed. */
export const DEMO_IMPACT_IDEA_ID = '5eed0000-1a4c-4000-8000-000000000001';
const PROJECT_ID = '5eed0000-1a4c-4000-8000-000000000002';
const INDICATOR_ID = '5eed0000-1a4c-4000-8000-000000000003';

const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * Impact in the demo: an idea of the home-care service in follow-up (Kevin Nguyen's, who owns its
 * implementation project, live for two months) with an indicator of staff hours saved and a first
 * measurement validated by Nathalie Gagnon, the network member for the health direction. Kevin
 * records the next measurement; Nathalie validates it; the Impact page rolls it up.
 */
export async function seedImpactDemo(manager: EntityManager): Promise<void> {
  if (await manager.existsBy(Idea, { id: DEMO_IMPACT_IDEA_ID })) return;
  const person = async (number: string) => {
    const p = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` });
    if (!p) throw new Error(`Impact demo: demo person ${number} is missing`);
    return p;
  };
  const [kevin, gagnon] = [await person('0024'), await person('0004')];
  const unit = await manager.findOneByOrFail(OrgUnit, { code: 'DS-SOINS' });
  const now = Date.now();
  const submittedAt = new Date(now - 200 * DAY);
  const publishedAt = new Date(now - 195 * DAY);
  const decidedAt = new Date(now - 150 * DAY);
  const goLiveAt = new Date(now - 60 * DAY);
  const answer = 'Décision du comité : mettre en œuvre dans le service des soins à domicile.';
  await manager.insert(Idea, {
    id: DEMO_IMPACT_IDEA_ID,
    kind: 'solution',
    status: 'follow_up',
    title: 'Des chariots de soins réapprovisionnés la nuit',
    summary: 'L’équipe de nuit prépare les chariots : le matin, les soignants partent sans attendre.',
    bodyHtml: '<p>L’équipe de nuit prépare les chariots : le matin, les soignants partent sans attendre.</p>',
    orgUnitId: unit.id,
    authorId: kevin.id,
    anonymous: false,
    submittedAt,
    publishedAt,
    answerText: answer,
    answerGivenAt: decidedAt,
    answerPublishedAt: decidedAt,
  });
  await manager.insert(IdeaAuthor, {
    ideaId: DEMO_IMPACT_IDEA_ID,
    personId: kevin.id,
    role: 'author',
    status: 'accepted',
    invitedBy: null,
    invitedAt: submittedAt,
    respondedAt: submittedAt,
  });
  // The history as it happened (written straight, not re-announced).
  const history = [
    { type: 'submit', from: 'emerge', to: 'collect', at: submittedAt, data: {} },
    { type: 'accept', from: 'collect', to: 'visible', at: publishedAt, data: {} },
    { type: 'decide_implement', from: 'decide', to: 'implement', at: decidedAt, data: { rationale: answer } },
    { type: 'complete_implementation', from: 'implement', to: 'follow_up', at: goLiveAt, data: {} },
  ];
  for (const h of history) {
    await manager.insert(IdeaEvent, {
      ideaId: DEMO_IMPACT_IDEA_ID,
      type: h.type,
      fromStatus: h.from,
      toStatus: h.to,
      actorId: h.type === 'submit' ? kevin.id : null,
      public: h.type !== 'submit',
      data: h.data,
      occurredAt: h.at,
    } as never);
  }
  await manager.insert(IdeaTeamMember, {
    ideaId: DEMO_IMPACT_IDEA_ID,
    personId: kevin.id,
    role: 'lead',
    isAuthor: true,
  });
  await manager.insert(ImplementationProject, {
    id: PROJECT_ID,
    ideaId: DEMO_IMPACT_IDEA_ID,
    ownerId: kevin.id,
    orgUnitId: unit.id,
    startsOn: day(now - 140 * DAY),
    goLiveAt,
    completedAt: goLiveAt,
    budgetPlanned: 4000,
    createdBy: gagnon.id,
  });
  await manager.insert(ImpactIndicator, {
    id: INDICATOR_ID,
    projectId: PROJECT_ID,
    category: 'staff_hours_saved',
    label: 'Heures de soins récupérées',
    unit: 'h/an',
    baseline: 0,
    projectedValue: 1500,
    projectedOn: `${new Date(now).getUTCFullYear() + 1}-06-30`,
    createdBy: kevin.id,
  });
  await manager.insert(ImpactMeasurement, {
    indicatorId: INDICATOR_ID,
    category: 'staff_hours_saved',
    value: 400,
    measuredOn: day(now - 30 * DAY),
    source: 'Relevés des tournées du premier mois',
    confidence: 'estimated',
    recordedBy: kevin.id,
    validatedBy: gagnon.id,
    validatedAt: new Date(now - 28 * DAY),
  });
}
