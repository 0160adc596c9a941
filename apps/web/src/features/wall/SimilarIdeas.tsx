import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listSimilarIdeasOptions } from '@eclore/api-client';
import type { IdeaKind } from '@eclore/domain';
import { useWallText } from './i18n';
import './wall.css';

/** The value, once it has stopped changing for `delayMs` (typing → one request, not one per key). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

export interface SimilarIdeasProps {
  /** The title as it is being typed; nothing is asked under 3 characters. */
  title: string;
  summary?: string;
  /** Only ideas of this kind. */
  kind?: IdeaKind;
  /** The draft being edited, left out of its own suggestions. */
  excludeId?: string;
  delayMs?: number;
}

/**
 * For the submission form: public ideas similar to the one being typed, so that people support an
 * existing idea rather than file a duplicate. Announced politely to screen readers when it changes.
 */
export function SimilarIdeas({ title, summary, kind, excludeId, delayMs = 400 }: SimilarIdeasProps) {
  const s = useWallText();
  const typed = useDebouncedValue({ title: title.trim(), summary: summary?.trim() ?? '' }, delayMs);
  const enabled = typed.title.length >= 3;
  const similar = useQuery({
    ...listSimilarIdeasOptions({
      query: {
        title: typed.title.slice(0, 200),
        ...(typed.summary ? { summary: typed.summary.slice(0, 2000) } : {}),
        ...(kind ? { kind } : {}),
        ...(excludeId ? { excludeId } : {}),
      },
    }),
    enabled,
    staleTime: 30_000,
  });
  const items = similar.data?.items ?? [];
  return (
    <section
      className="ec-similar"
      aria-labelledby="ec-similar-title"
      aria-live="polite"
      aria-busy={similar.isFetching}
    >
      {enabled && items.length > 0 ? (
        <>
          <h2 id="ec-similar-title" className="ec-similar__title">
            {s.similar.title}
          </h2>
          <p className="ec-similar__lead">{s.similar.lead}</p>
          <ul className="ec-similar__list">
            {items.map((idea) => (
              <li key={idea.id}>
                <span className={`ec-wall-badge ec-wall-badge--${idea.kind}`}>{s.kinds[idea.kind]}</span>{' '}
                <a href={`/ideas/${idea.id}`} target="_blank" rel="noopener" aria-label={s.similar.open(idea.title)}>
                  {idea.title}
                </a>{' '}
                <span className="ec-similar__count">{s.card.supports(idea.supportCount)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <h2 id="ec-similar-title" className="ec-visually-hidden">
          {enabled && similar.isFetching ? s.similar.searching : s.similar.title}
        </h2>
      )}
    </section>
  );
}
