import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "Page · Éclore" in the current language (no suffix when the page already names Éclore). */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = pageTitle.includes(suffix) ? pageTitle : `${pageTitle} · ${suffix}`;
  }, [pageTitle, suffix]);
}
