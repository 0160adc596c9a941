import type { EntityManager } from 'typeorm';
import { DEFAULT_CRITERIA } from '@eclore/domain';
import { Person } from '@eclore/server-identity';
import { Idea } from '@eclore/server-ideas';
import { CriteriaSet, Scorecard } from '@eclore/server-qualification';
import { DEMO_EMPLOYEE_PREFIX } from './demo-organisation';

type Levels = [number, number, number, number, number];

interface DemoScorecard {
  /** A demo idea of the review-queue or committee seed. */
  ideaId: string;
  /** Demo employee number of the reviewer (0003 Julien Tremblay, 0004 Nathalie Gagnon). */
  reviewer: string;
  status: 'draft' | 'submitted';
  /** user_value, feasibility, cost, strategic_alignment, replicability (the default criteria). */
  levels: Levels;
  comment: string;
}

export const DEMO_SCORECARDS: readonly DemoScorecard[] = [
  // In qualification, both reviewers done and disagreeing on the value: the spread shows it.
  {
    ideaId: '5eed0000-9a11-4000-8000-000000000001',
    reviewer: '0004',
    status: 'submitted',
    levels: [5, 4, 4, 4, 3],
    comment: 'Les patients attendent vraiment ; un agenda partagé suffirait pour commencer.',
  },
  {
    ideaId: '5eed0000-9a11-4000-8000-000000000001',
    reviewer: '0003',
    status: 'submitted',
    levels: [2, 4, 4, 3, 4],
    comment: 'Peu de chevauchements constatés hors de la prévention ; à objectiver avec les plannings.',
  },
  // In qualification, one review submitted, the other still a draft (not counted).
  {
    ideaId: '5eed0000-9a11-4000-8000-000000000002',
    reviewer: '0004',
    status: 'submitted',
    levels: [4, 3, 2, 4, 3],
    comment: 'Besoin réel le vendredi ; le stock tampon a un coût.',
  },
  {
    ideaId: '5eed0000-9a11-4000-8000-000000000002',
    reviewer: '0003',
    status: 'draft',
    levels: [4, 3, 3, 0, 0],
    comment: '',
  },
  // Qualified ideas on the committee's agenda: ranked by their weighted score.
  {
    ideaId: '5eed0000-c0de-4000-8000-000000000011',
    reviewer: '0004',
    status: 'submitted',
    levels: [5, 3, 3, 5, 4],
    comment: 'Fort bénéfice pour les patients et les familles ; dépend du dossier patient.',
  },
  {
    ideaId: '5eed0000-c0de-4000-8000-000000000011',
    reviewer: '0003',
    status: 'submitted',
    levels: [4, 3, 2, 5, 4],
    comment: 'Aligné sur le plan santé numérique ; prévoir le budget tablettes.',
  },
  {
    ideaId: '5eed0000-c0de-4000-8000-000000000012',
    reviewer: '0003',
    status: 'submitted',
    levels: [3, 5, 4, 3, 5],
    comment: 'Gain modeste mais immédiat, transposable à toutes les directions.',
  },
];

const KEYS = DEFAULT_CRITERIA.map((c) => c.key);

/**
 * Qualification in the demo: the organisation's default criteria set stored (editable at once),
 * and scorecards on the demo ideas in qualification and on the committee's agenda. Runs after the
 * review-queue and committee seeds; only fills what is missing (never overwrites a demo user's
 * scorecard) and skips ideas that do not exist.
 */
export async function seedScorecardsDemo(manager: EntityManager): Promise<void> {
  if (!(await manager.existsBy(CriteriaSet, { kind: 'default' }))) {
    await manager.insert(CriteriaSet, {
      kind: 'default',
      campaignId: null,
      criteria: DEFAULT_CRITERIA.map((c) => ({ ...c, levels: [...c.levels] })),
      version: 1,
      updatedBy: null,
    });
  }
  for (const demo of DEMO_SCORECARDS) {
    if (!(await manager.existsBy(Idea, { id: demo.ideaId }))) continue;
    const reviewer = await manager.findOneBy(Person, { employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${demo.reviewer}` });
    if (!reviewer) continue;
    // A 0 level is a criterion the draft has not scored yet.
    const scores = Object.fromEntries(
      demo.levels.flatMap((level, i) => (level >= 1 ? [[KEYS[i]!, level] as const] : [])),
    );
    await manager
      .createQueryBuilder()
      .insert()
      .into(Scorecard)
      .values({
        ideaId: demo.ideaId,
        reviewerId: reviewer.id,
        status: demo.status,
        scores,
        comment: demo.comment,
        submittedAt: demo.status === 'submitted' ? new Date() : null,
      })
      .orIgnore()
      .execute();
  }
}
