import {
  type AnnualFiguresDto,
  type FunnelStepDto,
  type ImpactTotalDto,
  type UnitParticipationDto,
  type YearOnYearDto,
} from '@eclore/api-client';
import { DataTable } from '@eclore/web-ui';
import { useImpactText } from '../../realisation/impact/i18n';
import { FigureChart } from './FigureChart';
import type { Formatter } from './format';
import { useLocale, type DashboardText } from './i18n';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="ec-figures-section" aria-labelledby={`figures-${id}`} data-section={id}>
      <h2 id={`figures-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: readonly [string, string][] }) {
  return (
    <dl className="ec-facts">
      {rows.map(([label, value]) => (
        <div className="ec-facts__row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One year's figures for one scope, section by section in the charter's order. */
export function Figures({
  t,
  f,
  data,
  drill,
}: {
  t: DashboardText;
  f: Formatter;
  data: AnnualFiguresDto;
  drill: (unitId: string) => void;
}) {
  const locale = useLocale();
  const impactText = useImpactText();
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const scopeName = data.scope?.name ?? t.organisation;
  const unitName = (r: UnitParticipationDto) =>
    !r.unit
      ? t.participation.noUnit
      : r.unit.id === data.scope?.id
        ? t.participation.ownPeople(r.unit.name)
        : r.unit.name;
  const noRate = (headcount: number | null) => headcount === 0;
  const rated = data.participationByUnit.filter((r) => r.participationRate !== null);
  const recognised = [
    ...data.peopleRecognised.byForm.map((r) => ({ key: r.form, label: t.recognised.forms[r.form], people: r.people })),
    { key: 'total', label: t.recognised.total, people: data.peopleRecognised.total },
  ];
  const outcomes = (['running', 'validated', 'stopped'] as const).map((o) => ({
    key: o,
    label: t.experiments.outcomes[o],
    count: data.experiments[o],
  }));
  const impactLabel = (i: ImpactTotalDto) => `${impactText.categories[i.category]} (${i.unit})`;
  const previousYear = data.year - 1;

  return (
    <div data-testid="annual-figures" data-scope={data.scope?.id ?? ''} data-year={data.year}>
      <p>
        {data.period.complete
          ? t.periodComplete(day(data.period.from), day(new Date(Date.parse(data.period.cutoff) - 1).toISOString()))
          : t.periodRunning(day(data.period.from), day(data.period.cutoff))}
      </p>
      <p className="ec-figures-legend">{t.legend}</p>

      <Section id="participation" title={t.sections.participation}>
        <Facts
          rows={[
            [t.participation.headcount, f.count(data.headcount)],
            [t.participation.contributors, f.count(data.contributors)],
            [t.participation.rate, f.percent(data.participationRate, noRate(data.headcount))],
          ]}
        />
        {rated.length > 0 ? (
          <FigureChart
            title={t.participation.chart}
            summary={t.participation.chartSummary(
              data.participationByUnit
                .map((r) => `${unitName(r)} ${f.percent(r.participationRate, noRate(r.headcount))}`)
                .join(', '),
            )}
            data={rated.map((r) => ({ label: unitName(r), rate: r.participationRate }))}
            series={[{ key: 'rate', name: t.participation.rate, color: 'var(--ec-color-chart-1)' }]}
            tableLabel={t.showTable}
            table={null}
          />
        ) : null}
        <DataTable<UnitParticipationDto>
          caption={`${t.participation.table} — ${scopeName}`}
          narrow="list"
          rows={data.participationByUnit}
          rowKey={(r) => r.unit?.id ?? 'none'}
          rowData={(r) => ({ 'data-testid': 'participation-row', 'data-unit': r.unit?.id ?? '' })}
          columns={[
            {
              key: 'unit',
              header: t.participation.unitColumn,
              rowHeader: true,
              cell: (r) =>
                r.unit && r.unit.id !== data.scope?.id ? (
                  <button
                    type="button"
                    className="ec-figures-drill"
                    aria-label={t.participation.drill(r.unit.name)}
                    onClick={() => drill(r.unit!.id)}
                  >
                    {r.unit.name}
                  </button>
                ) : (
                  unitName(r)
                ),
            },
            { key: 'headcount', header: t.participation.headcount, cell: (r) => f.count(r.headcount) },
            { key: 'contributors', header: t.participation.contributors, cell: (r) => f.count(r.contributors) },
            {
              key: 'rate',
              header: t.participation.rate,
              cell: (r) => f.percent(r.participationRate, noRate(r.headcount)),
            },
          ]}
        />
      </Section>

      <Section id="ideas" title={t.sections.ideas}>
        <Facts
          rows={[
            [t.ideas.submitted, f.number(data.ideasSubmitted)],
            [t.ideas.per100, f.number(data.ideasPer100Staff, 1)],
          ]}
        />
      </Section>

      <Section id="funnel" title={t.sections.funnel}>
        <FigureChart
          title={t.funnel.chart}
          summary={t.funnel.chartSummary(data.funnel.map((s) => `${t.funnel.steps[s.step]} ${s.count}`).join(', '))}
          data={data.funnel.map((s) => ({ label: t.funnel.steps[s.step], count: s.count }))}
          series={[{ key: 'count', name: t.funnel.count, color: 'var(--ec-color-chart-1)' }]}
          labelWidth={170}
          tableLabel={t.showTable}
          table={
            <DataTable<FunnelStepDto>
              caption={t.funnel.table}
              narrow="list"
              rows={data.funnel}
              rowKey={(s) => s.step}
              columns={[
                { key: 'step', header: t.funnel.step, rowHeader: true, cell: (s) => t.funnel.steps[s.step] },
                { key: 'count', header: t.funnel.count, cell: (s) => f.number(s.count) },
                { key: 'conversion', header: t.funnel.conversion, cell: (s) => f.percent(s.conversion, true) },
                { key: 'of', header: t.funnel.ofSubmitted, cell: (s) => f.percent(s.ofSubmitted, true) },
              ]}
            />
          }
        />
      </Section>

      <Section id="times" title={t.sections.times}>
        <DataTable
          caption={t.times.table}
          narrow="list"
          rows={[
            { key: 'answer', label: t.times.firstAnswer, d: data.timeToFirstAnswer },
            { key: 'decision', label: t.times.decision, d: data.timeToDecision },
          ]}
          rowKey={(r) => r.key}
          columns={[
            { key: 'figure', header: t.times.figure, rowHeader: true, cell: (r) => r.label },
            { key: 'count', header: t.times.count, cell: (r) => f.number(r.d.count) },
            { key: 'median', header: t.times.median, cell: (r) => f.days(r.d.medianDays, r.d.count === 0) },
            { key: 'p90', header: t.times.p90, cell: (r) => f.days(r.d.p90Days, r.d.count === 0) },
          ]}
        />
      </Section>

      <Section id="guarantee" title={t.sections.guarantee}>
        <Facts
          rows={[
            [
              t.guarantee.share(data.answeredWithinGuarantee.guaranteeDays),
              f.percent(data.answeredWithinGuarantee.percent, data.answeredWithinGuarantee.judged === 0),
            ],
            [t.guarantee.judged, f.number(data.answeredWithinGuarantee.judged)],
            [t.guarantee.within, f.number(data.answeredWithinGuarantee.within)],
          ]}
        />
      </Section>

      <Section id="experiments" title={t.sections.experiments}>
        <FigureChart
          title={t.experiments.chart}
          summary={t.experiments.chartSummary(outcomes.map((o) => `${o.label} ${o.count}`).join(', '))}
          data={outcomes}
          series={[{ key: 'count', name: t.experiments.count, color: 'var(--ec-color-chart-1)' }]}
          tableLabel={t.showTable}
          table={
            <DataTable
              caption={t.experiments.table}
              rows={[...outcomes, { key: 'total', label: t.experiments.outcomes.total, count: data.experiments.total }]}
              rowKey={(o) => o.key}
              columns={[
                { key: 'outcome', header: t.experiments.outcome, rowHeader: true, cell: (o) => o.label },
                { key: 'count', header: t.experiments.count, cell: (o) => f.number(o.count) },
              ]}
            />
          }
        />
      </Section>

      <Section id="implemented" title={t.sections.implemented}>
        <Facts rows={[[t.implemented, f.number(data.implementedIdeas)]]} />
      </Section>

      <Section id="impact" title={t.sections.impact}>
        {data.impact.length === 0 ? (
          <p>{t.impact.empty}</p>
        ) : (
          <FigureChart
            title={t.impact.chart}
            summary={data.impact
              .map((i) => `${impactLabel(i)} : ${t.impact.projected} ${i.projected}, ${t.impact.actual} ${i.actual}`)
              .join(' ; ')}
            data={data.impact.map((i) => ({ label: impactLabel(i), projected: i.projected, actual: i.actual }))}
            series={[
              { key: 'projected', name: t.impact.projected, color: 'var(--ec-color-chart-1)' },
              { key: 'actual', name: t.impact.actual, color: 'var(--ec-color-chart-2, #2e7d32)' },
            ]}
            labelWidth={170}
            tableLabel={t.showTable}
            table={
              <DataTable<ImpactTotalDto>
                caption={t.impact.table}
                narrow="list"
                rows={data.impact}
                rowKey={(i) => `${i.category}\u0000${i.unit}`}
                columns={[
                  {
                    key: 'category',
                    header: t.impact.category,
                    rowHeader: true,
                    cell: (i) => impactText.categories[i.category],
                  },
                  { key: 'unit', header: t.impact.unit, cell: (i) => i.unit },
                  { key: 'projected', header: t.impact.projected, cell: (i) => f.number(i.projected, 0) },
                  { key: 'actual', header: t.impact.actual, cell: (i) => f.number(i.actual, 0) },
                  {
                    key: 'measured',
                    header: t.impact.measured,
                    cell: (i) => `${i.measuredCount} / ${i.indicatorCount}`,
                  },
                ]}
              />
            }
          />
        )}
      </Section>

      <Section id="replications" title={t.sections.replications}>
        <Facts rows={[[t.replications, f.number(data.replications)]]} />
      </Section>

      <Section id="recognised" title={t.sections.recognised}>
        <FigureChart
          title={t.recognised.chart}
          summary={t.recognised.chartSummary(recognised.map((r) => `${r.label} ${f.count(r.people)}`).join(', '))}
          data={recognised
            .filter((r) => r.key !== 'total' && r.people !== null)
            .map((r) => ({ label: r.label, people: r.people }))}
          series={[{ key: 'people', name: t.recognised.people, color: 'var(--ec-color-chart-1)' }]}
          labelWidth={170}
          tableLabel={t.showTable}
          table={
            <DataTable
              caption={t.recognised.table}
              rows={recognised}
              rowKey={(r) => r.key}
              columns={[
                { key: 'form', header: t.recognised.form, rowHeader: true, cell: (r) => r.label },
                { key: 'people', header: t.recognised.people, cell: (r) => f.count(r.people) },
              ]}
            />
          }
        />
      </Section>

      <Section id="inputs" title={t.sections.inputs}>
        {data.charterInputs === null ? (
          <p>{data.scope ? t.inputs.wholeOrganisation : t.inputs.none}</p>
        ) : (
          <Facts
            rows={(['peopleTrained', 'communicationActions', 'celebrationsHeld'] as const)
              .map((k): [string, string] => {
                const v = data.charterInputs![k];
                return [t.inputs[k], v === null ? t.notEntered : f.number(v)];
              })
              .concat([
                [
                  t.inputs.budget,
                  data.charterInputs.budget === null ? t.notEntered : f.number(Number(data.charterInputs.budget), 2),
                ],
              ])}
          />
        )}
      </Section>

      <Section id="year-on-year" title={t.sections.yearOnYear}>
        <DataTable<YearOnYearDto>
          caption={t.yearOnYear.table(previousYear)}
          narrow="list"
          rows={data.yearOnYear}
          rowKey={(r) => r.figure}
          columns={[
            {
              key: 'figure',
              header: t.yearOnYear.figure,
              rowHeader: true,
              cell: (r) => t.yearOnYear.figures[r.figure],
            },
            { key: 'previous', header: t.yearOnYear.previous(previousYear), cell: (r) => yoyValue(f, r, r.previous) },
            { key: 'current', header: t.yearOnYear.current(data.year), cell: (r) => yoyValue(f, r, r.current) },
            {
              key: 'change',
              header: t.yearOnYear.change,
              cell: (r) =>
                r.change === null ? t.noData : isRate(r) ? t.points(f.signed(r.change, 1)) : f.signed(r.change),
            },
            {
              key: 'changePercent',
              header: t.yearOnYear.changePercent,
              cell: (r) => (r.changePercent === null ? t.noData : t.percent(f.signed(r.changePercent, 1))),
            },
          ]}
        />
      </Section>
    </div>
  );
}

const isRate = (r: YearOnYearDto) => r.figure === 'participation_rate' || r.figure === 'ideas_per_100_staff';

/** A compared figure: null is withheld for a count of people, "no data" for a rate or a count of ideas. */
function yoyValue(f: Formatter, r: YearOnYearDto, v: number | null): string {
  if (r.figure === 'headcount' || r.figure === 'contributors' || r.figure === 'people_recognised') return f.count(v);
  return isRate(r) ? f.number(v, 1) : f.number(v);
}
