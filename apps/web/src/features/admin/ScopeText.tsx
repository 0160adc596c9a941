import { useTranslation } from 'react-i18next';

export interface ScopeLike {
  kind: 'organisation' | 'org_unit' | 'theme';
  orgUnitId?: string;
  orgUnitName?: string;
  theme?: string;
}

/** "whole organisation", "limited to: Direction de la santé"… */
export function ScopeText({ scope }: { scope: ScopeLike }) {
  const { t } = useTranslation();
  if (scope.kind === 'org_unit') return <>{t('scope.orgUnit', { name: scope.orgUnitName ?? scope.orgUnitId ?? '' })}</>;
  if (scope.kind === 'theme') return <>{t('scope.theme', { name: scope.theme ?? '' })}</>;
  return <>{t('scope.organisation')}</>;
}

export function scopeText(t: ReturnType<typeof useTranslation>['t'], scope: ScopeLike): string {
  if (scope.kind === 'org_unit') return t('scope.orgUnit', { name: scope.orgUnitName ?? scope.orgUnitId ?? '' });
  if (scope.kind === 'theme') return t('scope.theme', { name: scope.theme ?? '' });
  return t('scope.organisation');
}
