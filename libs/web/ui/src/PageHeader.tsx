import { useEffect, useRef, type ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  lead?: ReactNode;
  /**
   * Moves keyboard and screen-reader focus to the heading when it mounts. The app sets it after a
   * client-side navigation, so the new page is announced as a full page load would be.
   */
  focusOnMount?: boolean;
}

export function PageHeader({ title, lead, focusOnMount = false }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="ec-page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="ec-page-header__lead">{lead}</p> : null}
    </div>
  );
}
