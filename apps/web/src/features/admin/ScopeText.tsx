import { useAppText, type AppText } from '../../app/i18n';

export interface ScopeLike {
  kind: 'organisation' | 'org_unit' | 'theme';
  orgUnitId?: string;
  orgUnitName?: string;
  theme?: string;
}

/** "whole organisation", "limited to: Direction de la santé"… */
export function ScopeText({ scope }: { scope: ScopeLike }) {
  const app = useAppText();
  if (scope.kind === 'org_unit') return <>{app.scope.orgUnit({ name: scope.orgUnitName ?? scope.orgUnitId ?? '' })}</>;
  if (scope.kind === 'theme') return <>{app.scope.theme({ name: scope.theme ?? '' })}</>;
  return <>{app.scope.organisation}</>;
}

export function scopeText(app: AppText, scope: ScopeLike): string {
  if (scope.kind === 'org_unit') return app.scope.orgUnit({ name: scope.orgUnitName ?? scope.orgUnitId ?? '' });
  if (scope.kind === 'theme') return app.scope.theme({ name: scope.theme ?? '' });
  return app.scope.organisation;
}
