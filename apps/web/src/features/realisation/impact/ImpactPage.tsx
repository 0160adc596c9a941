import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getImpactRollupsOptions, listOrgUnitsOptions, type RollupGroupDto } from '@eclore/api-client';
import { IMPACT_CATEGORIES, type ImpactCategory } from '@eclore/domain';
import { Alert, optionsOf, PageHeader, SelectField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../../app/route-focus';
import { ImpactChart } from './ImpactChart';
import { TotalsTable } from './ImpactSection';
import { formatNumber, useImpactText, useLocale, type ImpactText } from './i18n';
import './impact.css';

const GROUPINGS = ['unit', 'campaign', 'year', 'idea'] as const;
type Grouping = (typeof GROUPINGS)[number];

/**
 * The Impact page (network, committee, HR, admins): projected vs actual per unit, campaign, year or
 * idea over what the reader's scope covers, filtered by year, unit and category; each group as a
 * chart per (category, unit) line and the same figures as a table.
 */
export default function ImpactPage() {
  const s = useImpactText();
  useDocumentTitle(s.page.title);
  const focus = useFocusHeadingOnMount();
  const [by, setBy] = useState<Grouping>('unit');
  const [year, setYear] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [category, setCategory] = useState<ImpactCategory | ''>('');
  const rollups = useQuery(
    getImpactRollupsOptions({
      query: {
        by,
        ...(year ? { year: Number(year) } : {}),
        ...(orgUnitId ? { orgUnitId } : {}),
        ...(category ? { category } : {}),
      },
    }),
  );
  const units = useQuery(listOrgUnitsOptions());
  const p = s.page;

  return (
    <>
      <PageHeader title={p.title} lead={p.lead} focusOnMount={focus} />
      <form className="ec-impact-filters" aria-label={p.filters} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={p.by}
          value={by}
          onChange={(e) => setBy(e.target.value as Grouping)}
          options={optionsOf(GROUPINGS, p.byOptions)}
        />
        <SelectField label={p.year} value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">{p.allYears}</option>
          {(rollups.data?.years ?? []).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label={p.unit} value={orgUnitId} onChange={(e) => setOrgUnitId(e.target.value)}>
          <option value="">{p.allUnits}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={p.category}
          value={category}
          onChange={(e) => setCategory(e.target.value as ImpactCategory | '')}
          placeholder={p.allCategories}
          options={optionsOf(IMPACT_CATEGORIES, s.categories)}
        />
      </form>
      {rollups.isPending ? <p role="status">{p.loading}</p> : null}
      {rollups.isError ? <Alert tone="error">{p.error}</Alert> : null}
      {rollups.data?.groups.length === 0 ? <p>{p.empty}</p> : null}
      {rollups.data?.groups.map((group) => (
        <Group key={group.key ?? 'none'} s={s} by={by} group={group} />
      ))}
    </>
  );
}

function groupName(s: ImpactText, by: Grouping, group: RollupGroupDto): string {
  if (group.key === null) return by === 'campaign' ? s.page.noCampaign : s.page.unknown;
  return group.label ?? s.page.unknown;
}

function Group({ s, by, group }: { s: ImpactText; by: Grouping; group: RollupGroupDto }) {
  const locale = useLocale();
  const name = groupName(s, by, group);
  return (
    <section className="ec-impact-group" aria-label={name} data-group={group.key ?? ''}>
      <h2>{name}</h2>
      {group.totals.map((t) => (
        <ImpactChart
          key={`${t.category}\u0000${t.unit}`}
          title={s.page.chartTitle(name, s.categories[t.category], t.unit)}
          summary={s.chart.summary(
            s.categories[t.category],
            t.unit,
            formatNumber(t.projected, locale),
            t.measuredCount > 0 ? formatNumber(t.actual, locale) : null,
          )}
          valueName={s.chart.valueName}
          data={[
            { label: s.section.projected, value: t.projected },
            { label: s.section.actual, value: t.actual },
          ]}
        />
      ))}
      <TotalsTable s={s} rows={group.totals} caption={s.page.groupCaption(name)} />
    </section>
  );
}
