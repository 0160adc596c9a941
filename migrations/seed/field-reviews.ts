import type { EntityManager } from 'typeorm';
import { fieldReviewSchedule } from '@eclore/domain';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent } from '@eclore/server-ideas';
import { OutboxMessage, readsOn } from '@eclore/server-platform';
import { FieldReview, FieldReviewSettingsRow, ImplementationProject } from '@eclore/server-realisation';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

/** Fixed ids: the seed recognises its idea and never re-creates what the demo changed. */
export const DEMO_FOLLOW_UP_IDEA_ID = '5eed0000-f1e1-4000-8000-000000000001';
const DEMO_FOLLOW_UP_PROJECT_ID = '5eed0000-f1e1-4000-8000-000000000002';
const TITLE = 'Un tableau de garde partagé entre les équipes de jour et de nuit';
const SUMMARY = 'Les relèves se font sur un seul tableau, visible des deux équipes, au lieu de notes volantes.';

/**
 * The return to the field in the demo (docs/realisation.md §5): an idea by Aurélie Monnier, put live
 * two months ago by its project owner Kevin Nguyen, so it is in follow-up with its reviews scheduled
 * (the 3-month one next month). The worker is asked, through the outbox, to schedule their jobs.
 */
export async function seedFieldReviewsDemo(manager: EntityManager): Promise<void> {
  if (await manager.existsBy(Idea, { id: DEMO_FOLLOW_UP_IDEA_ID })) return;
  const person = async (number: string) => {
    const p = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` });
    if (!p) throw new Error(`Field reviews demo: demo person ${number} is missing`);
    return p;
  };
  const [author, owner] = await readsOn(
    manager,
    ['0023', '0024'].map((n) => () => person(n)),
  );
  const unit = await manager.findOneBy(OrgUnit, { code: 'DS-SOINS' });
  if (!unit) throw new Error('Field reviews demo: unit DS-SOINS is missing');
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const goLive = at(60);
  await manager.insert(Idea, {
    id: DEMO_FOLLOW_UP_IDEA_ID,
    kind: 'solution',
    status: 'follow_up',
    title: TITLE,
    summary: SUMMARY,
    bodyHtml: `<p>${SUMMARY}</p>`,
    orgUnitId: unit.id,
    authorId: author!.id,
    anonymous: false,
    submittedAt: at(300),
    publishedAt: at(298),
    answerText: 'Décision du comité : mettre en œuvre dans les services de soins.',
    answerGivenAt: at(240),
    answerPublishedAt: at(240),
  });
  await manager.insert(IdeaAuthor, {
    ideaId: DEMO_FOLLOW_UP_IDEA_ID,
    personId: author!.id,
    role: 'author',
    status: 'accepted',
    invitedBy: null,
    invitedAt: at(300),
    respondedAt: at(300),
  });
  const history = [
    { type: 'submit', from: 'emerge', to: 'collect', at: at(300), public: false, actor: author!.id, data: {} },
    { type: 'accept', from: 'collect', to: 'visible', at: at(298), public: true, actor: null, data: {} },
    { type: 'start_qualification', from: 'visible', to: 'qualify', at: at(297), public: true, actor: null, data: {} },
    { type: 'qualify', from: 'qualify', to: 'decide', at: at(260), public: true, actor: null, data: {} },
    { type: 'decide_implement', from: 'decide', to: 'implement', at: at(240), public: true, actor: null, data: {} },
    {
      type: 'complete_implementation',
      from: 'implement',
      to: 'follow_up',
      at: goLive,
      public: true,
      actor: owner!.id,
      data: {},
    },
  ];
  for (const h of history) {
    await manager.insert(IdeaEvent, {
      ideaId: DEMO_FOLLOW_UP_IDEA_ID,
      type: h.type,
      fromStatus: h.from,
      toStatus: h.to,
      actorId: h.actor,
      public: h.public,
      data: h.data,
      occurredAt: h.at,
    } as never);
  }
  await manager.insert(ImplementationProject, {
    id: DEMO_FOLLOW_UP_PROJECT_ID,
    ideaId: DEMO_FOLLOW_UP_IDEA_ID,
    ownerId: owner!.id,
    orgUnitId: unit.id,
    startsOn: at(230).toISOString().slice(0, 10),
    goLiveAt: goLive,
    completedAt: goLive,
    createdBy: owner!.id,
  });
  const settings = await manager.findOneBy(FieldReviewSettingsRow, { id: 1 });
  const schedule = fieldReviewSchedule(goLive, settings ?? undefined);
  await manager.insert(
    FieldReview,
    schedule.map((r) => ({
      projectId: DEMO_FOLLOW_UP_PROJECT_ID,
      ordinal: r.ordinal,
      monthsAfterGoLive: r.monthsAfterGoLive,
      dueAt: r.dueAt,
      remindAt: r.remindAt,
      lateAt: r.lateAt,
    })),
  );
  await manager.insert(OutboxMessage, {
    jobName: 'realisation.schedule_field_reviews',
    payload: { projectId: DEMO_FOLLOW_UP_PROJECT_ID } as never,
  });
}
