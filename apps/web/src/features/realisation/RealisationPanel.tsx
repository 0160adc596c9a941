import { lazy, Suspense } from 'react';
import type { IdeaDto } from '@eclore/api-client';

/**
 * The idea page's part for the stages after the committee's decision (docs/realisation.md): the
 * team, the experiment and its log book, the implementation project, impact, the return to the
 * field, replication. Each feature adds its section here, one line each, loaded only when an idea
 * has reached those stages so the idea page of an ordinary idea stays light.
 */
type Section = React.LazyExoticComponent<(props: { idea: IdeaDto }) => React.ReactNode>;

const SECTIONS: readonly Section[] = [
  // One line per feature, in the order of the stages.
  lazy(() => import('./team/TeamSection')),
  lazy(() => import('./experiment/ExperimentSection')),
  lazy(() => import('./project/ProjectSection')),
  lazy(() => import('./replication/LineageSection')),
  lazy(() => import('./impact/ImpactSection')),
  lazy(() => import('./field-reviews/FieldReviewsSection')),
];

/** The statuses in which an idea has (or had) a team, an experiment or a project. */
const AFTER_DECISION = new Set<string>(['prototype', 'implement', 'follow_up', 'closed', 'stopped']);

export function RealisationPanel({ idea }: { idea: IdeaDto }) {
  if (!AFTER_DECISION.has(idea.status) || SECTIONS.length === 0) return null;
  return (
    <Suspense fallback={<p role="status">…</p>}>
      {SECTIONS.map((Section, i) => (
        <Section key={i} idea={idea} />
      ))}
    </Suspense>
  );
}
