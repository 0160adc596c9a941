import type { ReactNode } from 'react';

export type StatusState = 'up' | 'down' | 'unknown';

/** A coloured pill whose text always states the status: colour is never the only signal. */
export function StatusBadge({ state, children }: { state: StatusState; children: ReactNode }) {
  return (
    <span className={`ec-status ec-status--${state}`} data-state={state}>
      {children}
    </span>
  );
}
