import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { getAnnualFiguresOptions, isApiError, listOrgUnitsOptions } from '@eclore/api-client';
import { can, type Actor } from '@eclore/domain';
import { Alert, PageHeader, SelectField } from '@eclore/web-ui';
import { useSession } from '../../../session/session';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../../app/route-focus';
import { indentedUnit } from '../../../app/org-unit-option';
import { Figures } from './Figures';
import { formatter } from './format';
import { useDashboardText, useLocale } from './i18n';
import './figures.css';

/** The first year the box reports (the API refuses earlier ones). */
const FIRST_YEAR = 2000;

/**
 * The HR dashboard (docs/recognition.md §5–§6): the annual report's figures for a year and a scope,
 * read from the same API as the report, in the charter's order. A unit's row of the participation
 * table drills down to that unit's figures (the API suppresses the two tables together). Every chart
 * has its table; a withheld figure reads "withheld", a figure without data "—", never 0.
 */
export default function FiguresPage() {
  const t = useDashboardText();
  useDocumentTitle(t.title);
  const focus = useFocusHeadingOnMount();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getUTCFullYear();
  const year = Number(params.get('year')) || thisYear;
  const { actor } = useSession();
  const unitId = params.get('unit') ?? defaultUnit(actor);
  const figures = useQuery({
    ...getAnnualFiguresOptions({ query: { year, ...(unitId ? { orgUnitId: unitId } : {}) } }),
    retry: false,
  });
  const units = useQuery(listOrgUnitsOptions());
  const f = formatter(t, locale);
  const unitsById = new Map((units.data ?? []).map((u) => [u.id, u]));

  const show = (next: { year?: number; unit?: string }) => {
    const p = new URLSearchParams(params);
    if (next.year !== undefined) p.set('year', String(next.year));
    if (next.unit !== undefined) {
      if (next.unit) p.set('unit', next.unit);
      else p.delete('unit');
    }
    setParams(p);
  };
  const years = Array.from({ length: Math.min(15, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
  const trail = unitId ? (unitsById.get(unitId)?.path ?? []) : [];

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} focusOnMount={focus} />
      <form className="ec-figures-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t.year}
          value={String(year)}
          onChange={(e) => show({ year: Number(e.target.value) })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          label={t.unit}
          value={unitId}
          onChange={(e) => show({ unit: e.target.value })}
          placeholder={t.organisation}
          options={(units.data ?? []).map(indentedUnit)}
        />
      </form>
      <nav aria-label={t.scopeTrail}>
        <ol className="ec-figures-trail">
          <li>
            {unitId ? (
              <button type="button" className="ec-figures-drill" onClick={() => show({ unit: '' })}>
                {t.organisation}
              </button>
            ) : (
              <span aria-current="page">{t.organisation}</span>
            )}
          </li>
          {trail.map((id) => {
            const name = unitsById.get(id)?.name ?? '…';
            return (
              <li key={id}>
                {id === unitId ? (
                  <span aria-current="page">{name}</span>
                ) : (
                  <button type="button" className="ec-figures-drill" onClick={() => show({ unit: id })}>
                    {name}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {figures.isPending ? <p role="status">{t.loading}</p> : null}
      {figures.isError ? (
        <Alert tone="error">
          {isApiError(figures.error) && figures.error.code === 'out_of_scope' ? t.outOfScope : t.error}
        </Alert>
      ) : null}
      {figures.data ? <Figures t={t} f={f} data={figures.data} drill={(id) => show({ unit: id })} /> : null}
    </>
  );
}

/**
 * Where a reader starts: the whole organisation, or, for a network lead of some units only, the
 * first unit of their scope (the organisation's figures would be refused).
 */
function defaultUnit(actor: Actor | null): string {
  if (!actor || can(actor, 'annual_report.read', { target: { orgUnitPath: [] } })) return '';
  for (const a of actor.assignments)
    if (a.role === 'network_lead' && a.scope.kind === 'org_unit') return a.scope.orgUnitId;
  return '';
}
