import { readsOn } from '@eclore/server-platform';
import type { EntityManager } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent, appendIdeaEvents } from '@eclore/server-ideas';
import { PrivateNote, QualificationAssignment } from '@eclore/server-qualification';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

interface DemoQualification {
  /** Fixed id: the seed recognises its idea and never re-creates one a demo user moved on. */
  id: string;
  title: string;
  summary: string;
  bodyHtml: string;
  /** Demo employee number of the author. */
  author: string;
  unit: string;
  themes: string[];
  /** Days ago it was submitted, and entered qualification. */
  submittedDaysAgo: number;
  qualifyingDaysAgo: number;
  /** Demo employee numbers of the reviewers (0003 Julien Tremblay: organisation; 0004 Nathalie Gagnon: DS). */
  reviewers: string[];
  note?: { by: string; mention: string; text: string };
}

export const DEMO_QUALIFICATIONS: readonly DemoQualification[] = [
  {
    id: '5eed0000-9a11-4000-8000-000000000001',
    title: 'Les rendez-vous de prévention se chevauchent entre équipes',
    summary: 'Deux équipes convoquent parfois les mêmes personnes le même jour.',
    bodyHtml:
      '<p>Les équipes de prévention planifient chacune dans leur agenda. Des habitants reçoivent deux convocations ' +
      'pour le même après-midi et ne viennent à aucune.</p>',
    author: '0020',
    unit: 'DS-PREV',
    themes: [],
    submittedDaysAgo: 80,
    qualifyingDaysAgo: 70,
    reviewers: ['0004', '0003'],
    note: {
      by: '0004',
      mention: '0003',
      text: 'Le service de la prévention teste déjà un agenda partagé : à vérifier avant de qualifier.',
    },
  },
  {
    id: '5eed0000-9a11-4000-8000-000000000002',
    title: 'Le matériel de soins à domicile manque en fin de semaine',
    summary: 'Le stock du vendredi ne couvre pas les tournées du week-end.',
    bodyHtml:
      '<p>Le vendredi soir, le local ferme avec un stock calculé pour la semaine. Les soignants du week-end ' +
      'achètent en pharmacie et se font rembourser.</p>',
    author: '0025',
    unit: 'DS-SOINS',
    themes: [],
    submittedDaysAgo: 12,
    qualifyingDaysAgo: 3,
    reviewers: ['0004', '0003'],
  },
  {
    id: '5eed0000-9a11-4000-8000-000000000003',
    title: 'Trois formulaires pour un seul accès à une application',
    summary: 'Une demande d’accès passe par trois formulaires et trois validations.',
    bodyHtml:
      '<p>Pour obtenir un accès à une application métier, il faut remplir le formulaire du service, celui du ' +
      'numérique puis celui de la sécurité. Les délais dépassent souvent deux semaines.</p>',
    author: '0031',
    unit: 'DN-APP',
    themes: [],
    submittedDaysAgo: 9,
    qualifyingDaysAgo: 5,
    // Outside Nathalie Gagnon's scope (Direction de la santé): Julien Tremblay alone.
    reviewers: ['0003'],
  },
  // Not yet scored (the scorecards demo scores the first two): something to review and something late.
  {
    id: '5eed0000-9a11-4000-8000-000000000004',
    title: 'Les clés des véhicules de nuit se cherchent à chaque relève',
    summary: 'Personne ne sait quel véhicule est libre ni où sont ses clés.',
    bodyHtml:
      '<p>À chaque relève de nuit, les soignants passent un quart d’heure à retrouver les clés et à savoir ' +
      'quel véhicule a fait le plein.</p>',
    author: '0027',
    unit: 'DS-SOINS-NUIT',
    themes: [],
    submittedDaysAgo: 6,
    qualifyingDaysAgo: 2,
    reviewers: ['0004', '0003'],
  },
  {
    id: '5eed0000-9a11-4000-8000-000000000005',
    title: 'Les brochures de prévention ne sont pas traduites',
    summary: 'Une partie des habitants ne peut pas lire nos brochures.',
    bodyHtml:
      '<p>Les brochures de prévention n’existent qu’en français. Les associations nous demandent des versions ' +
      'dans les langues les plus parlées du canton.</p>',
    author: '0021',
    unit: 'DS-PREV',
    themes: [],
    submittedDaysAgo: 75,
    // Past the default 60-day qualification time: "En retard" in both reviewers' queues.
    qualifyingDaysAgo: 66,
    reviewers: ['0004', '0003'],
  },
];

/**
 * Qualification routing in the demo: ideas in qualification assigned to the two demo network
 * members, so "Ma file de revue" has something in each tab (with the scorecards demo) and the network view
 * something to reassign; one idea carries a private note mentioning the other reviewer.
 */
export async function seedReviewQueueDemo(manager: EntityManager): Promise<void> {
  const person = async (number: string) => {
    const p = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` });
    if (!p) throw new Error(`Review queue demo: demo person ${number} is missing`);
    return p;
  };
  for (const demo of DEMO_QUALIFICATIONS) {
    if (await manager.existsBy(Idea, { id: demo.id })) continue;
    const author = await person(demo.author);
    const unit = await manager.findOneBy(OrgUnit, { code: demo.unit });
    if (!unit) throw new Error(`Review queue demo: unit ${demo.unit} is missing`);
    const submittedAt = new Date(Date.now() - demo.submittedDaysAgo * DAY);
    const publishedAt = new Date(submittedAt.getTime() + DAY);
    const qualifyingAt = new Date(Date.now() - demo.qualifyingDaysAgo * DAY);
    await manager.insert(Idea, {
      id: demo.id,
      kind: 'problem',
      status: 'qualify',
      title: demo.title,
      summary: demo.summary,
      bodyHtml: demo.bodyHtml,
      frequency: 'weekly',
      orgUnitId: unit.id,
      themes: demo.themes,
      authorId: author.id,
      anonymous: false,
      submittedAt,
      publishedAt,
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
    const reviewers = await readsOn(
      manager,
      demo.reviewers.map((n) => () => person(n)),
    );
    await manager.insert(
      QualificationAssignment,
      reviewers.map((r) => ({ ideaId: demo.id, personId: r.id, assignedBy: null, assignedAt: qualifyingAt })),
    );
    const starter = reviewers[0]!;
    await appendIdeaEvents(manager, [
      {
        ideaId: demo.id,
        type: 'submit',
        actorId: author.id,
        public: false,
        data: {},
        fromStatus: 'emerge',
        toStatus: 'collect',
      },
      {
        ideaId: demo.id,
        type: 'accept',
        actorId: starter.id,
        public: true,
        data: {},
        fromStatus: 'collect',
        toStatus: 'visible',
      },
      {
        ideaId: demo.id,
        type: 'start_qualification',
        actorId: starter.id,
        public: true,
        data: {},
        fromStatus: 'visible',
        toStatus: 'qualify',
      },
      ...reviewers.map((r) => ({
        ideaId: demo.id,
        type: 'assigned',
        actorId: null,
        public: false,
        data: { assigneeId: r.id, automatic: true },
      })),
    ]);
    // The history carries the dates the story needs (the events were written just now).
    for (const [type, at] of [
      ['submit', submittedAt],
      ['accept', publishedAt],
      ['start_qualification', qualifyingAt],
      ['assigned', qualifyingAt],
    ] as const) {
      await manager.update(IdeaEvent, { ideaId: demo.id, type }, { occurredAt: at });
    }
    if (demo.note) {
      const by = await person(demo.note.by);
      const mentioned = await person(demo.note.mention);
      const name = `${mentioned.givenName} ${mentioned.familyName}`;
      await manager.insert(PrivateNote, {
        ideaId: demo.id,
        authorId: by.id,
        bodyHtml: `<p><span class="ec-mention" data-person-id="${mentioned.id}">@${name}</span> ${demo.note.text}</p>`,
        mentionedIds: [mentioned.id],
      });
    }
  }
}
