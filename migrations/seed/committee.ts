import { readsOn } from '@eclore/server-platform';
import type { EntityManager } from 'typeorm';
import { CommitteeAgendaItem, CommitteeSession, CommitteeSessionMember } from '@eclore/server-committee';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent, appendIdeaEvents } from '@eclore/server-ideas';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

/** Fixed ids: the seed recognises its session and ideas and never re-creates what the demo changed. */
export const DEMO_COMMITTEE_SESSION_ID = '5eed0000-c0de-4000-8000-000000000001';
const DEMO_QUALIFIED_IDEAS = [
  {
    id: '5eed0000-c0de-4000-8000-000000000011',
    author: '0025',
    unit: 'DS-SOINS',
    title: 'Un carnet de liaison numérique pour les patients suivis à domicile',
    summary: 'Les aides-soignants, infirmiers et familles notent au même endroit ce qui s’est passé.',
    answer: 'Qualifiée par le réseau : forte valeur pour les patients, faisable avec l’outil existant.',
  },
  {
    id: '5eed0000-c0de-4000-8000-000000000012',
    author: '0013',
    unit: 'DF-BUD',
    title: 'Dématérialiser les notes de frais des déplacements de service',
    summary: 'Photographier le justificatif au lieu de l’envoyer par courrier interne.',
    answer: 'Qualifiée : gain de temps net pour les équipes et la comptabilité ; coût modéré.',
  },
] as const;

/**
 * The committee in the demo: a planned session next week, chaired by Philippe Morel (the demo
 * committee member) with Sophie Bouchard and Antoine Mercier, in French, with two ideas qualified by
 * the network on its agenda. The members are told through the outbox (committee_agenda_added).
 */
export async function seedCommitteeDemo(manager: EntityManager): Promise<void> {
  if (await manager.existsBy(CommitteeSession, { id: DEMO_COMMITTEE_SESSION_ID })) return;
  const person = async (number: string) => {
    const p = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` });
    if (!p) throw new Error(`Committee demo: demo person ${number} is missing`);
    return p;
  };
  const [morel, bouchard, mercier] = await readsOn(
    manager,
    ['0005', '0006', '0010'].map((n) => () => person(n)),
  );
  const now = Date.now();
  for (const [i, demo] of DEMO_QUALIFIED_IDEAS.entries()) {
    if (await manager.existsBy(Idea, { id: demo.id })) continue;
    const author = await person(demo.author);
    const unit = await manager.findOneBy(OrgUnit, { code: demo.unit });
    const submittedAt = new Date(now - (30 - i) * DAY);
    const publishedAt = new Date(now - (28 - i) * DAY);
    const qualifiedAt = new Date(now - (5 - i) * DAY);
    await manager.insert(Idea, {
      id: demo.id,
      kind: 'solution',
      status: 'decide',
      title: demo.title,
      summary: demo.summary,
      bodyHtml: `<p>${demo.summary}</p>`,
      orgUnitId: unit?.id ?? null,
      authorId: author.id,
      anonymous: false,
      submittedAt,
      publishedAt,
      answerText: demo.answer,
      answerGivenAt: qualifiedAt,
      answerPublishedAt: qualifiedAt,
    });
    await manager.insert(IdeaAuthor, {
      ideaId: demo.id,
      personId: author.id,
      role: 'author',
      status: 'accepted',
      invitedBy: null,
      invitedAt: submittedAt,
      respondedAt: submittedAt,
    });
    // The history as it happened (written straight, not re-announced: nobody needs telling again).
    const history = [
      { type: 'submit', from: 'emerge', to: 'collect', at: submittedAt, public: false, data: {} },
      { type: 'accept', from: 'collect', to: 'visible', at: publishedAt, public: true, data: {} },
      { type: 'start_qualification', from: 'visible', to: 'qualify', at: publishedAt, public: true, data: {} },
      { type: 'qualify', from: 'qualify', to: 'decide', at: qualifiedAt, public: true, data: { answer: demo.answer } },
    ];
    for (const h of history) {
      await manager.insert(IdeaEvent, {
        ideaId: demo.id,
        type: h.type,
        fromStatus: h.from,
        toStatus: h.to,
        actorId: h.type === 'submit' ? author.id : null,
        public: h.public,
        data: h.data,
        occurredAt: h.at,
      } as never);
    }
  }
  const scheduledAt = new Date(now + 7 * DAY);
  scheduledAt.setUTCHours(13, 0, 0, 0);
  await manager.insert(CommitteeSession, {
    id: DEMO_COMMITTEE_SESSION_ID,
    title: 'Séance du comité de pilotage',
    scheduledAt,
    language: 'fr',
    status: 'planned',
    createdBy: morel!.id,
    startedAt: null,
    closedAt: null,
    version: 1,
  });
  const members = [morel!, bouchard!, mercier!];
  await manager.insert(
    CommitteeSessionMember,
    members.map((m) => ({
      sessionId: DEMO_COMMITTEE_SESSION_ID,
      personId: m.id,
      chair: m.id === morel!.id,
      present: null,
    })),
  );
  let position = 0;
  for (const demo of DEMO_QUALIFIED_IDEAS) {
    const idea = await manager.findOneBy(Idea, { id: demo.id });
    // An idea the demo already decided or put elsewhere stays where it is.
    if (idea?.status !== 'decide') continue;
    await manager.insert(CommitteeAgendaItem, {
      sessionId: DEMO_COMMITTEE_SESSION_ID,
      ideaId: demo.id,
      position: position++,
      addedBy: morel!.id,
      addedAt: new Date(now),
    });
    await appendIdeaEvents(manager, [
      {
        ideaId: demo.id,
        type: 'committee_agenda_added',
        actorId: morel!.id,
        public: false,
        data: {
          sessionId: DEMO_COMMITTEE_SESSION_ID,
          memberIds: members.map((m) => m.id),
          sessionDate: scheduledAt.toISOString(),
        },
      },
    ]);
  }
}
