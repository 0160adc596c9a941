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
import { optionsOf, SelectField, TextField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm, type FormDialogEvents } from '../../../app/api-form';
import { useImpactText } from './i18n';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A number typed in a field; an empty or unreadable one is sent as NaN-free null (the API names it). */
function asNumber(text: string): number {
  return Number(text.replace(',', '.').replace(/\s/g, ''));
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
}: { projectId: string; indicator?: IndicatorDto | null } & FormDialogEvents) {
  const s = useImpactText();
  const f = s.indicatorForm;
  const { values, failure, submit, field } = useApiForm(s.errors, {
    category: indicator?.category ?? ('staff_hours_saved' as ImpactCategory),
    label: indicator?.label ?? '',
    unit: indicator?.unit ?? '',
    baseline: indicator?.baseline == null ? '' : String(indicator.baseline),
    projectedValue: indicator ? String(indicator.projectedValue) : '',
    projectedOn: indicator?.projectedOn ?? '',
  });
  const create = useMutation(createImpactIndicatorMutation());
  const update = useMutation(updateImpactIndicatorMutation());
  const measured = (indicator?.measurements.length ?? 0) > 0;

  const onSubmit = () =>
    submit(async () => {
      const { baseline, ...rest } = values;
      const body = {
        ...rest,
        projectedValue: asNumber(values.projectedValue),
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
        {...field('category')}
        disabled={measured}
        options={optionsOf(IMPACT_CATEGORIES, s.categories)}
      />
      {measured ? <p className="ec-text-field__hint">{f.categoryKept}</p> : null}
      <TextField label={f.label} {...field('label')} maxLength={200} required />
      <TextField label={f.unit} hint={f.unitHint} {...field('unit')} maxLength={40} required />
      <TextField label={f.baseline} inputMode="decimal" {...field('baseline')} />
      <TextField label={f.projectedValue} inputMode="decimal" {...field('projectedValue')} required />
      <TextField label={f.projectedOn} type="date" {...field('projectedOn')} required />
    </ApiFormDialog>
  );
}

export function MeasurementDialog({ indicator, onClose, onDone }: { indicator: IndicatorDto } & FormDialogEvents) {
  const s = useImpactText();
  const f = s.measurementForm;
  const { values, failure, submit, field } = useApiForm(s.errors, {
    value: '',
    measuredOn: today(),
    source: '',
    confidence: 'measured' as MeasurementConfidence,
  });
  const record = useMutation(recordImpactMeasurementMutation());

  const onSubmit = () =>
    submit(async () => {
      await record.mutateAsync({
        path: { id: indicator.id },
        body: { ...values, value: asNumber(values.value) },
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
      <TextField label={`${f.value} (${indicator.unit})`} inputMode="decimal" {...field('value')} required />
      <TextField label={f.measuredOn} type="date" max={today()} {...field('measuredOn')} required />
      <TextField label={f.source} hint={f.sourceHint} {...field('source')} maxLength={500} required />
      <SelectField
        label={f.confidence}
        {...field('confidence')}
        options={optionsOf(MEASUREMENT_CONFIDENCES, s.confidences)}
      />
    </ApiFormDialog>
  );
}
