import type { EntityManager } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent, appendIdeaEvents } from '@eclore/server-ideas';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

/** Fixed id: the seed recognises its idea and never re-creates one a demo user answered or changed. */
export const LATE_DEMO_IDEA_ID = '5eed0000-de1a-4000-8000-000000000001';

/**
 * The answer-time guarantee in the demo: an idea submitted 40 days ago and published on the wall,
 * still without an answer — past the default 30-day first-answer deadline. The network sees it under
 * "En retard"; its events go through the outbox, so the worker schedules its deadline jobs at the
 * first start and the escalation reaches the network lead (David Rossier) at once.
 */
export async function seedAnswerTimeDemo(manager: EntityManager): Promise<void> {
  if (await manager.existsBy(Idea, { id: LATE_DEMO_IDEA_ID })) return;
  const author = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}0024` });
  const unit = await manager.findOneBy(OrgUnit, { code: 'DS-SOINS-NUIT' });
  if (!author || !unit) throw new Error('Answer-time demo: the demo author or unit is missing');
  const submittedAt = new Date(Date.now() - 40 * DAY);
  const publishedAt = new Date(Date.now() - 38 * DAY);
  await manager.insert(Idea, {
    id: LATE_DEMO_IDEA_ID,
    kind: 'problem',
    status: 'visible',
    title: 'Les transmissions de l’équipe de nuit se perdent entre deux services',
    summary: 'Les consignes notées la nuit ne parviennent pas toujours à l’équipe du matin.',
    bodyHtml:
      '<p>Les informations sur les patients passent par un cahier papier qui reste dans le local de nuit. ' +
      'Le matin, l’équipe des soins à domicile part souvent sans les avoir lues.</p>',
    whoSuffers: 'Les équipes de soins à domicile du matin',
    frequency: 'daily',
    orgUnitId: unit.id,
    authorId: author.id,
    anonymous: false,
    submittedAt,
    publishedAt,
  });
  await manager.insert(IdeaAuthor, {
    ideaId: LATE_DEMO_IDEA_ID,
    personId: author.id,
    role: 'author',
    status: 'accepted',
    invitedBy: null,
    invitedAt: submittedAt,
    respondedAt: submittedAt,
  });
  await appendIdeaEvents(manager, [
    {
      ideaId: LATE_DEMO_IDEA_ID,
      type: 'submit',
      actorId: author.id,
      public: false,
      data: {},
      fromStatus: 'emerge',
      toStatus: 'collect',
    },
    {
      ideaId: LATE_DEMO_IDEA_ID,
      type: 'accept',
      actorId: null,
      public: true,
      data: {},
      fromStatus: 'collect',
      toStatus: 'visible',
    },
  ]);
  // The history carries the dates the story needs (the events were written just now).
  for (const [type, at] of [
    ['submit', submittedAt],
    ['accept', publishedAt],
  ] as const) {
    await manager.update(IdeaEvent, { ideaId: LATE_DEMO_IDEA_ID, type }, { occurredAt: at });
  }
}
