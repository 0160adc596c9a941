import type { EntityManager } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import { Idea, IdeaAuthor, IdeaEvent, type IdeaStatusColumn } from '@eclore/server-ideas';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

type Step = { type: string; from: IdeaStatusColumn; to: IdeaStatusColumn; data?: Record<string, string> };

const SUBMIT: Step = { type: 'submit', from: 'emerge', to: 'collect' };
const ACCEPT: Step = { type: 'accept', from: 'collect', to: 'visible' };
const START: Step = { type: 'start_qualification', from: 'visible', to: 'qualify' };
const QUALIFY: Step = {
  type: 'qualify',
  from: 'qualify',
  to: 'decide',
  data: { answer: 'Qualifiée par le réseau : utile et faisable.' },
};
const TO_DECIDE = [SUBMIT, ACCEPT, START, QUALIFY];

/**
 * Ideas further along the lifecycle than the other demo seeds take them (prototype, implementation,
 * follow-up, parked, declined, returned, and an anonymous one waiting in collect), so the portfolio
 * board shows every kind of column. Fixed ids: the seed never re-creates what the demo changed.
 * Authors are demo people no browser test signs in as.
 */
const DEMO_PORTFOLIO_IDEAS: readonly {
  id: string;
  author: string;
  kind: 'problem' | 'solution';
  title: string;
  summary: string;
  anonymous?: boolean;
  steps: readonly Step[];
}[] = [
  {
    id: '5eed0000-9f0f-4000-8000-000000000001',
    author: '0019',
    kind: 'solution',
    title: 'Des vélos à assistance électrique pour les visites à domicile en ville',
    summary: 'Un essai de trois mois avec quatre vélos au service de soins.',
    steps: [
      ...TO_DECIDE,
      {
        type: 'decide_prototype',
        from: 'decide',
        to: 'prototype',
        data: { rationale: 'Essai de trois mois, bilan en séance.' },
      },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000002',
    author: '0034',
    kind: 'solution',
    title: 'Réserver les salles de réunion depuis l’agenda partagé',
    summary: 'Une seule réservation, visible de tous, libérée si personne ne vient.',
    steps: [
      ...TO_DECIDE,
      {
        type: 'decide_implement',
        from: 'decide',
        to: 'implement',
        data: { rationale: 'Peu coûteux, gain immédiat.' },
      },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000003',
    author: '0037',
    kind: 'solution',
    title: 'Un tableau de bord des demandes informatiques par service',
    summary: 'Chaque service voit ses demandes en cours et leurs délais.',
    steps: [
      ...TO_DECIDE,
      { type: 'decide_implement', from: 'decide', to: 'implement', data: { rationale: 'Demandé par tous.' } },
      { type: 'complete_implementation', from: 'implement', to: 'follow_up' },
    ],
  },
  {
    // Its implementation project, at risk, comes from the realisation seed (seed/realisation.ts); the
    // meeting-room idea above stays without a project for the browser test that names an owner.
    id: '5eed0000-9f0f-4000-8000-000000000008',
    author: '0036',
    kind: 'solution',
    title: 'Réserver les véhicules de service en ligne',
    summary: 'Un planning partagé des véhicules, fini le cahier à l’accueil.',
    steps: [
      ...TO_DECIDE,
      {
        type: 'decide_implement',
        from: 'decide',
        to: 'implement',
        data: { rationale: 'Simple, attendu par tous les services.' },
      },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000004',
    author: '0017',
    kind: 'problem',
    title: 'Les horaires d’été ne sont connus que la veille',
    summary: 'Les équipes ne peuvent pas organiser leurs congés.',
    steps: [
      ...TO_DECIDE,
      { type: 'park', from: 'decide', to: 'parked', data: { rationale: 'À reprendre après la réorganisation.' } },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000005',
    author: '0032',
    kind: 'problem',
    title: 'Trop d’imprimantes individuelles dans les bureaux',
    summary: 'Coût des cartouches et de la maintenance.',
    steps: [
      SUBMIT,
      ACCEPT,
      {
        type: 'decline',
        from: 'visible',
        to: 'declined',
        data: { rationale: 'Déjà traité par le plan de sobriété numérique.' },
      },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000006',
    author: '0022',
    kind: 'problem',
    title: 'Les formulaires de prévention existent en trois versions',
    summary: 'Personne ne sait laquelle utiliser.',
    steps: [
      SUBMIT,
      {
        type: 'return_to_authors',
        from: 'collect',
        to: 'returned',
        data: { reason: 'Pouvez-vous préciser quels formulaires ?' },
      },
    ],
  },
  {
    id: '5eed0000-9f0f-4000-8000-000000000007',
    author: '0027',
    kind: 'problem',
    title: 'Les relèves de nuit se font sans transmission écrite',
    summary: 'Des informations se perdent entre deux équipes.',
    anonymous: true,
    steps: [SUBMIT],
  },
];

export async function seedPortfolioDemo(manager: EntityManager): Promise<void> {
  const now = Date.now();
  for (const [n, demo] of DEMO_PORTFOLIO_IDEAS.entries()) {
    if (await manager.existsBy(Idea, { id: demo.id })) continue;
    const author = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${demo.author}` });
    if (!author) throw new Error(`Portfolio demo: demo person ${demo.author} is missing`);
    const unit = author.orgUnitId ? await manager.findOneBy(OrgUnit, { id: author.orgUnitId }) : null;
    // One step every few days, ending a few days ago (so "since" differs from card to card).
    const at = (i: number) => new Date(now - (demo.steps.length - i) * 6 * DAY - n * DAY);
    const last = demo.steps[demo.steps.length - 1]!;
    const answer = [...demo.steps].reverse().find((s) => s.data)?.data;
    const answerText = answer ? Object.values(answer)[0]! : null;
    const answeredAt = answer ? at(demo.steps.length - 1) : null;
    const published = demo.steps.some((s) => s.type === 'accept');
    await manager.insert(Idea, {
      id: demo.id,
      kind: demo.kind,
      status: last.to,
      title: demo.title,
      summary: demo.summary,
      bodyHtml: `<p>${demo.summary}</p>`,
      orgUnitId: unit?.id ?? null,
      authorId: author.id,
      anonymous: demo.anonymous ?? false,
      submittedAt: at(0),
      publishedAt: published ? at(1) : null,
      answerText,
      answerGivenAt: answeredAt,
      // Returned ideas' reasons are for the authors; decisions are public.
      answerPublishedAt: last.type === 'return_to_authors' ? null : answeredAt,
      parkedUntil: last.to === 'parked' ? new Date(now + 90 * DAY) : null,
    });
    await manager.insert(IdeaAuthor, {
      ideaId: demo.id,
      personId: author.id,
      role: 'author',
      status: 'accepted',
      invitedBy: null,
      invitedAt: at(0),
      respondedAt: at(0),
    });
    // The history as it happened (written straight, not announced: nobody needs telling).
    for (const [i, step] of demo.steps.entries()) {
      await manager.insert(IdeaEvent, {
        ideaId: demo.id,
        type: step.type,
        fromStatus: step.from,
        toStatus: step.to,
        actorId: step.type === 'submit' ? author.id : null,
        public: published && step.type !== 'submit' && step.type !== 'return_to_authors',
        data: step.data ?? {},
        occurredAt: at(i),
      } as never);
    }
  }
}
