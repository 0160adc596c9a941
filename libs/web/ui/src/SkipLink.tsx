import type { MouseEvent, ReactNode } from 'react';

/**
 * The first Tab stop of every page: jumps past the header and navigation. Focus is moved by script
 * (not only by the URL fragment) so the client-side router never sees a navigation.
 */
export function SkipLink({ targetId, children }: { targetId: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
  return (
    <a className="ec-skip-link" href={`#${targetId}`} onClick={onClick}>
      {children}
    </a>
  );
}
