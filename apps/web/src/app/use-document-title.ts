import { useEffect } from 'react';
import { useAppText } from './i18n';

/** Sets `<title>` to "Page · Éclore" in the current language (no suffix when the page already names Éclore). */
export function useDocumentTitle(pageTitle: string): void {
  const app = useAppText();
  const suffix = app.app.titleSuffix;
  useEffect(() => {
    document.title = pageTitle.includes(suffix) ? pageTitle : `${pageTitle} · ${suffix}`;
  }, [pageTitle, suffix]);
}
