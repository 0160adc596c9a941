import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  createImpactIndicatorMutation,
  isApiError,
  recordImpactMeasurementMutation,
  type IndicatorDto,
} from '@eclore/api-client';
import {
  IMPACT_CATEGORIES,
  MEASUREMENT_CONFIDENCES,
  type ImpactCategory,
  type MeasurementConfidence,
} from '@eclore/domain';
import { Alert, FormDialog, SelectField, TextField } from '@eclore/web-ui';
import { fieldMessages } from '../../../app/errors';
import { commandError, useImpactText } from './i18n';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A number typed in a field; an empty or unreadable one is sent as NaN-free null (the API names it). */
function asNumber(text: string): number {
  return Number(text.replace(',', '.').replace(/\s/g, ''));
}

/** Shared state of both dialogs: field errors from the API, or a sentence for other refusals. */
function useFormErrors() {
  const s = useImpactText();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const reset = () => {
    setErrors(new Map());
    setFailure(null);
  };
  const fail = (error: unknown) => {
    if (isApiError(error) && error.fieldErrors.length) setErrors(fieldMessages(error, s.errors, s.errors['required']!));
    else setFailure(commandError(s, error));
  };
  return { errors, failure, reset, fail };
}

export function IndicatorDialog({
  projectId,
  onClose,
  onDone,
}: {
  projectId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const s = useImpactText();
  const f = s.indicatorForm;
  const [category, setCategory] = useState<ImpactCategory>('staff_hours_saved');
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('');
  const [projectedValue, setProjectedValue] = useState('');
  const [projectedOn, setProjectedOn] = useState('');
  const { errors, failure, reset, fail } = useFormErrors();
  const create = useMutation(createImpactIndicatorMutation());

  const submit = async () => {
    reset();
    try {
      await create.mutateAsync({
        path: { id: projectId },
        body: {
          category,
          label,
          unit,
          projectedValue: asNumber(projectedValue),
          projectedOn,
          ...(baseline.trim() === '' ? {} : { baseline: asNumber(baseline) }),
        },
      });
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <FormDialog
      open
      title={f.title}
      submitLabel={f.submit}
      cancelLabel={f.cancel}
      onSubmit={() => void submit()}
      onCancel={onClose}
      busy={create.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <SelectField label={f.category} value={category} onChange={(e) => setCategory(e.target.value as ImpactCategory)}>
        {IMPACT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {s.categories[c]}
          </option>
        ))}
      </SelectField>
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
    </FormDialog>
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
  const { errors, failure, reset, fail } = useFormErrors();
  const record = useMutation(recordImpactMeasurementMutation());

  const submit = async () => {
    reset();
    try {
      await record.mutateAsync({
        path: { id: indicator.id },
        body: { value: asNumber(value), measuredOn, source, confidence },
      });
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <FormDialog
      open
      title={f.title(indicator.label)}
      submitLabel={f.submit}
      cancelLabel={f.cancel}
      onSubmit={() => void submit()}
      onCancel={onClose}
      busy={record.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
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
    </FormDialog>
  );
}
