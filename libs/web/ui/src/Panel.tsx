import { useId, type ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  /** Heading level of the title, so the page outline stays correct wherever the panel sits. */
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
  className?: string;
  /** An anchor for links to the panel (`#team`); the panel stays the one labelled region. */
  id?: string;
}

/** A titled card; rendered as a labelled `section` so screen readers list it among the regions. */
export function Panel({ title, headingLevel = 2, children, className, id: anchor }: PanelProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section id={anchor} className={['ec-panel', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <Heading id={id} className="ec-panel__title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
