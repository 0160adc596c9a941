import type { ReactNode } from 'react';

/** One fact: what it is (`dt`) and its value (`dd`). */
export interface Fact {
  term: ReactNode;
  value: ReactNode;
}

/**
 * Facts as a definition list, each term beside its value (stacked on a phone). A fact without a value
 * (null, undefined, false or '') is left out, and so is the list when no fact is left.
 */
export function Facts({ facts, className }: { facts: readonly Fact[]; className?: string }) {
  const shown = facts.filter((f) => f.value !== null && f.value !== undefined && f.value !== false && f.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className={['ec-facts', className].filter(Boolean).join(' ')}>
      {shown.map((f, i) => (
        <div key={i} className="ec-facts__row">
          <dt>{f.term}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
