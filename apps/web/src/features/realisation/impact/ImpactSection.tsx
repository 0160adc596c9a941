import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  getIdeaImpactOptions,
  validateImpactMeasurementMutation,
  type IdeaDto,
  type ImpactTotalDto,
  type IndicatorDto,
  type MeasurementDto,
} from '@eclore/api-client';
import { Alert, Button, DataTable, Panel } from '@eclore/web-ui';
import { ImpactChart } from './ImpactChart';
import { IndicatorDialog, MeasurementDialog } from './ImpactDialogs';
import { formatDay, formatNumber, useImpactText, useLocale, type ImpactText } from './i18n';
import { useImpactChanged } from './queries';
import './impact.css';
import { describeError } from '../../../app/errors';

/**
 * The idea page's impact section: per project, its indicators with a projected-vs-actual chart and
 * the measurements as a table (the chart's text alternative), the dialogs to define an indicator and
 * record a measurement, and the network's validate button. Totals with the replications follow the
 * lineage rule (each project once).
 */
export default function ImpactSection({ idea }: { idea: IdeaDto }) {
  const s = useImpactText();
  const query = useQuery(getIdeaImpactOptions({ path: { id: idea.id } }));
  const changed = useImpactChanged(idea.id);
  // The open dialog: an indicator defined (none yet) or edited in a project, or a measurement recorded.
  const [defining, setDefining] = useState<{ projectId: string; indicator: IndicatorDto | null } | null>(null);
  const [measuring, setMeasuring] = useState<IndicatorDto | null>(null);
  const close = () => (setDefining(null), setMeasuring(null));
  const done = () => (close(), void changed());

  return (
    <Panel title={s.section.title} className="ec-impact">
      <div id="impact">
        <p>{s.section.lead}</p>
        {query.isPending ? <p role="status">{s.section.loading}</p> : null}
        {query.isError ? <Alert tone="error">{s.section.error}</Alert> : null}
        {query.data && query.data.projects.length === 0 ? <p>{s.section.noProject}</p> : null}
        {query.data?.projects.map((project) => (
          <section key={project.id} className="ec-impact__project" aria-label={s.section.project(project.orgUnit.name)}>
            <h3>{s.section.project(project.orgUnit.name)}</h3>
            {project.indicators.length === 0 ? <p>{s.section.noIndicator}</p> : null}
            {project.indicators.map((indicator) => (
              <Indicator
                key={indicator.id}
                indicator={indicator}
                canRecord={project.canRecord}
                onMeasure={() => setMeasuring(indicator)}
                onEdit={() => setDefining({ projectId: project.id, indicator })}
                onChanged={changed}
              />
            ))}
            {project.canRecord ? (
              <Button variant="secondary" onClick={() => setDefining({ projectId: project.id, indicator: null })}>
                {s.section.addIndicator}
              </Button>
            ) : null}
          </section>
        ))}
        {query.data && query.data.totals.length > 0 ? (
          <>
            <h3>{s.section.totals}</h3>
            <TotalsTable s={s} rows={query.data.totals} caption={s.totalsTable.caption} />
            {query.data.lineageProjectCount > query.data.projects.length ? (
              <TotalsTable
                s={s}
                rows={query.data.withReplications}
                caption={s.section.withReplications(query.data.lineageProjectCount)}
              />
            ) : null}
          </>
        ) : null}
      </div>
      {defining ? <IndicatorDialog {...defining} onClose={close} onDone={done} /> : null}
      {measuring ? <MeasurementDialog indicator={measuring} onClose={close} onDone={done} /> : null}
    </Panel>
  );
}

function Indicator({
  indicator,
  canRecord,
  onMeasure,
  onEdit,
  onChanged,
}: {
  indicator: IndicatorDto;
  canRecord: boolean;
  onMeasure: () => void;
  onEdit: () => void;
  onChanged: () => Promise<void>;
}) {
  const s = useImpactText();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const actual = indicator.actual;
  return (
    <article className="ec-impact__indicator" data-indicator={indicator.id}>
      <h4>
        {indicator.label} <span className="ec-impact__category">({s.categories[indicator.category]})</span>
      </h4>
      <dl className="ec-impact__facts">
        <dt>{s.section.projected}</dt>
        <dd data-projected>
          {n(indicator.projectedValue)} {indicator.unit} — {formatDay(indicator.projectedOn, locale)}
        </dd>
        <dt>{s.section.actual}</dt>
        <dd data-actual>{actual ? `${n(actual.value)} ${indicator.unit}` : s.section.noActual}</dd>
        {indicator.baseline !== null ? (
          <>
            <dt>{s.section.baseline}</dt>
            <dd>
              {n(indicator.baseline)} {indicator.unit}
            </dd>
          </>
        ) : null}
      </dl>
      <ImpactChart
        title={s.chart.title(indicator.label)}
        summary={s.chart.summary(
          indicator.label,
          indicator.unit,
          n(indicator.projectedValue),
          actual ? n(actual.value) : null,
        )}
        valueName={s.chart.valueName}
        data={[
          { label: s.section.projected, value: indicator.projectedValue },
          { label: s.section.actual, value: actual?.value ?? 0 },
        ]}
      />
      <MeasurementsTable indicator={indicator} onChanged={onChanged} />
      {canRecord ? (
        <div className="ec-impact__actions">
          <Button variant="secondary" onClick={onMeasure}>
            {s.section.addMeasurement}
          </Button>
          <Button variant="secondary" onClick={onEdit}>
            {s.section.editIndicator}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

function MeasurementsTable({ indicator, onChanged }: { indicator: IndicatorDto; onChanged: () => Promise<void> }) {
  const s = useImpactText();
  const locale = useLocale();
  const validate = useMutation(validateImpactMeasurementMutation());
  const [failure, setFailure] = useState<string | null>(null);
  const onValidate = async (m: MeasurementDto) => {
    setFailure(null);
    try {
      await validate.mutateAsync({ path: { id: m.id } });
      await onChanged();
    } catch (error) {
      setFailure(describeError(s.errors, error));
    }
  };
  return (
    <>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <DataTable
        caption={s.table.caption(indicator.label)}
        narrow="list"
        rows={indicator.measurements}
        rowKey={(m) => m.id}
        empty={s.table.empty}
        rowData={(m) => ({ 'data-measurement': m.id, 'data-validated': String(m.validated) })}
        columns={[
          { key: 'date', header: s.table.date, rowHeader: true, cell: (m) => formatDay(m.measuredOn, locale) },
          { key: 'value', header: s.table.value, cell: (m) => `${formatNumber(m.value, locale)} ${indicator.unit}` },
          { key: 'source', header: s.table.source, cell: (m) => m.source },
          { key: 'confidence', header: s.table.confidence, cell: (m) => s.confidences[m.confidence] },
          {
            key: 'status',
            header: s.table.status,
            cell: (m) => (m.validated ? s.section.validated : s.section.awaiting),
          },
          {
            key: 'actions',
            header: s.table.actions,
            headerHidden: true,
            cell: (m) =>
              m.canValidate ? (
                <Button variant="secondary" disabled={validate.isPending} onClick={() => void onValidate(m)}>
                  {s.section.validate}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

export function TotalsTable({ s, rows, caption }: { s: ImpactText; rows: readonly ImpactTotalDto[]; caption: string }) {
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <DataTable
      caption={caption}
      narrow="list"
      rows={rows}
      rowKey={(t) => `${t.category}\u0000${t.unit}`}
      rowData={(t) => ({ 'data-category': t.category, 'data-unit': t.unit })}
      columns={[
        { key: 'category', header: s.totalsTable.category, rowHeader: true, cell: (t) => s.categories[t.category] },
        { key: 'unit', header: s.totalsTable.unit, cell: (t) => t.unit },
        { key: 'projected', header: s.totalsTable.projected, cell: (t) => n(t.projected) },
        { key: 'actual', header: s.totalsTable.actual, cell: (t) => n(t.actual) },
        { key: 'measured', header: s.totalsTable.measured, cell: (t) => `${t.measuredCount} / ${t.indicatorCount}` },
        {
          key: 'weakest',
          header: s.totalsTable.weakest,
          cell: (t) => (t.weakestConfidence ? s.confidences[t.weakestConfidence] : '—'),
        },
      ]}
    />
  );
}
