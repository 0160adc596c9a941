import type { EntityManager } from 'typeorm';
import { DEFAULT_SUBMISSION_RULES } from '@eclore/domain';
import { Person } from '@eclore/server-identity';
import { Campaign, CampaignPhase } from '@eclore/server-ideas';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

const DAY = 24 * 3600 * 1000;

interface DemoPhase {
  name: string;
  /** Days from the first seed: the demo's dates are fixed then, and never moved by later starts. */
  from: number;
  to: number;
  submissionsOpen: boolean;
  supportsOpen: boolean;
  commentsOpen: boolean;
}

interface DemoCampaign {
  /** Fixed ids: the seed recognises its campaigns and never re-creates one a demo user changed or archived. */
  id: string;
  title: string;
  question: string;
  descriptionHtml: string;
  /** Demo employee number of the sponsor. */
  sponsor: string;
  phases: DemoPhase[];
}

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    id: '5eed0000-ca00-4000-8000-000000000001',
    title: 'Accueil des nouveaux collaborateurs',
    question: "Comment pourrions-nous simplifier l'accueil des nouveaux collaborateurs ?",
    descriptionHtml:
      '<p>Badge, poste de travail, comptes, premières rencontres : les premiers jours décident souvent de la suite. ' +
      'Racontez ce qui vous a freiné à votre arrivée, ou proposez ce qui aurait tout changé.</p>',
    sponsor: '0002',
    phases: [
      { name: 'Dépôt des idées', from: -7, to: 30, submissionsOpen: true, supportsOpen: true, commentsOpen: true },
      {
        name: 'Soutiens et commentaires',
        from: 30,
        to: 45,
        submissionsOpen: false,
        supportsOpen: true,
        commentsOpen: true,
      },
    ],
  },
  {
    id: '5eed0000-ca00-4000-8000-000000000002',
    title: 'Moins de papier',
    question: 'Comment pourrions-nous réduire le papier dans nos services ?',
    descriptionHtml:
      '<p>Formulaires, impressions, courriers internes : où le papier peut-il disparaître sans rien perdre ?</p>',
    sponsor: '0005',
    phases: [
      { name: 'Dépôt des idées', from: -120, to: -75, submissionsOpen: true, supportsOpen: false, commentsOpen: true },
      { name: 'Soutiens', from: -75, to: -60, submissionsOpen: false, supportsOpen: true, commentsOpen: true },
    ],
  },
];

/** Creates the demo campaigns that are missing (one active with submissions open, one past). Returns how many. */
export async function seedCampaigns(manager: EntityManager, now = new Date()): Promise<number> {
  const campaigns = manager.getRepository(Campaign);
  const existing = new Set((await campaigns.find({ select: { id: true } })).map((c) => c.id));
  const missing = DEMO_CAMPAIGNS.filter((c) => !existing.has(c.id));
  if (missing.length === 0) return 0;
  const personId = async (number: string) =>
    (await manager.getRepository(Person).findOneByOrFail({ employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${number}` })).id;
  // Julien Tremblay, the organisation-wide network member, runs the demo campaigns.
  const createdBy = await personId('0003');
  for (const demo of missing) {
    await campaigns.insert({
      id: demo.id,
      title: demo.title,
      question: demo.question,
      descriptionHtml: demo.descriptionHtml,
      sponsorId: await personId(demo.sponsor),
      audienceOrgUnitIds: [],
      submissionRules: { ...DEFAULT_SUBMISSION_RULES, requiredFields: [...DEFAULT_SUBMISSION_RULES.requiredFields] },
      createdBy,
      archivedAt: null,
    });
    await manager.getRepository(CampaignPhase).insert(
      demo.phases.map((p, position) => ({
        campaignId: demo.id,
        position,
        name: p.name,
        startsAt: new Date(now.getTime() + p.from * DAY),
        endsAt: new Date(now.getTime() + p.to * DAY),
        submissionsOpen: p.submissionsOpen,
        supportsOpen: p.supportsOpen,
        commentsOpen: p.commentsOpen,
      })),
    );
  }
  return missing.length;
}
