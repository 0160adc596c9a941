import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  createImpactIndicatorMutation,
  recordImpactMeasurementMutation,
  updateImpactIndicatorMutation,
  type IndicatorDto,
} from '@eclore/api-client';
import {
  IMPACT_CATEGORIES,
  MEASUREMENT_CONFIDENCES,
  type ImpactCategory,
  type MeasurementConfidence,
} from '@eclore/domain';
import { SelectField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm } from '../ApiFormDialog';
import { commandError, useImpactText } from './i18n';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A number typed in a field; an empty or unreadable one is sent as NaN-free null (the API names it). */
function asNumber(text: string): number {
  return Number(text.replace(',', '.').replace(/\s/g, ''));
}

/** The impact dialogs' refusals, in impact's words. */
function useImpactForm() {
  const s = useImpactText();
  return useApiForm(s.errors, (error) => commandError(s, error));
}

/**
 * Defines an indicator of a project, or edits one (`indicator`) naming the version read (a 409
 * stale_version when someone changed it meanwhile). A measured indicator keeps its category: its
 * measurements were checked against that category's bounds.
 */
export function IndicatorDialog({
  projectId,
  indicator = null,
  onClose,
  onDone,
}: {
  projectId: string;
  indicator?: IndicatorDto | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const s = useImpactText();
  const f = s.indicatorForm;
  const [category, setCategory] = useState<ImpactCategory>(indicator?.category ?? 'staff_hours_saved');
  const [label, setLabel] = useState(indicator?.label ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [baseline, setBaseline] = useState(indicator?.baseline == null ? '' : String(indicator.baseline));
  const [projectedValue, setProjectedValue] = useState(indicator ? String(indicator.projectedValue) : '');
  const [projectedOn, setProjectedOn] = useState(indicator?.projectedOn ?? '');
  const { errors, failure, submit } = useImpactForm();
  const create = useMutation(createImpactIndicatorMutation());
  const update = useMutation(updateImpactIndicatorMutation());
  const measured = (indicator?.measurements.length ?? 0) > 0;

  const onSubmit = () =>
    submit(async () => {
      const body = {
        category,
        label,
        unit,
        projectedValue: asNumber(projectedValue),
        projectedOn,
        // Emptied on an edit: the baseline is removed (null); on a new indicator, simply left out.
        ...(baseline.trim() === '' ? (indicator ? { baseline: null } : {}) : { baseline: asNumber(baseline) }),
      };
      if (indicator)
        await update.mutateAsync({ path: { id: indicator.id }, body: { ...body, version: indicator.version } });
      else await create.mutateAsync({ path: { id: projectId }, body });
      onDone();
    });

  return (
    <ApiFormDialog
      failure={failure}
      title={indicator ? f.editTitle(indicator.label) : f.title}
      submitLabel={indicator ? f.save : f.submit}
      cancelLabel={f.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={create.isPending || update.isPending}
    >
      <SelectField
        label={f.category}
        value={category}
        onChange={(e) => setCategory(e.target.value as ImpactCategory)}
        disabled={measured}
      >
        {IMPACT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {s.categories[c]}
          </option>
        ))}
      </SelectField>
      {measured ? <p className="ec-text-field__hint">{f.categoryKept}</p> : null}
      <TextField
        label={f.label}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={errors.get('label')}
        maxLength={200}
        required
      />
      <TextField
        label={f.unit}
        hint={f.unitHint}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        error={errors.get('unit')}
        maxLength={40}
        required
      />
      <TextField
        label={f.baseline}
        inputMode="decimal"
        value={baseline}
        onChange={(e) => setBaseline(e.target.value)}
        error={errors.get('baseline')}
      />
      <TextField
        label={f.projectedValue}
        inputMode="decimal"
        value={projectedValue}
        onChange={(e) => setProjectedValue(e.target.value)}
        error={errors.get('projectedValue')}
        required
      />
      <TextField
        label={f.projectedOn}
        type="date"
        value={projectedOn}
        onChange={(e) => setProjectedOn(e.target.value)}
        error={errors.get('projectedOn')}
        required
      />
    </ApiFormDialog>
  );
}

export function MeasurementDialog({
  indicator,
  onClose,
  onDone,
}: {
  indicator: IndicatorDto;
  onClose: () => void;
  onDone: () => void;
}) {
  const s = useImpactText();
  const f = s.measurementForm;
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState(today());
  const [source, setSource] = useState('');
  const [confidence, setConfidence] = useState<MeasurementConfidence>('measured');
  const { errors, failure, submit } = useImpactForm();
  const record = useMutation(recordImpactMeasurementMutation());

  const onSubmit = () =>
    submit(async () => {
      await record.mutateAsync({
        path: { id: indicator.id },
        body: { value: asNumber(value), measuredOn, source, confidence },
      });
      onDone();
    });

  return (
    <ApiFormDialog
      failure={failure}
      title={f.title(indicator.label)}
      submitLabel={f.submit}
      cancelLabel={f.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={record.isPending}
    >
      <TextField
        label={`${f.value} (${indicator.unit})`}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.get('value')}
        required
      />
      <TextField
        label={f.measuredOn}
        type="date"
        max={today()}
        value={measuredOn}
        onChange={(e) => setMeasuredOn(e.target.value)}
        error={errors.get('measuredOn')}
        required
      />
      <TextField
        label={f.source}
        hint={f.sourceHint}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={errors.get('source')}
        maxLength={500}
        required
      />
      <SelectField
        label={f.confidence}
        value={confidence}
        onChange={(e) => setConfidence(e.target.value as MeasurementConfidence)}
      >
        {MEASUREMENT_CONFIDENCES.map((c) => (
          <option key={c} value={c}>
            {s.confidences[c]}
          </option>
        ))}
      </SelectField>
    </ApiFormDialog>
  );
}
