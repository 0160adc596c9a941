import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getFieldReviewSettingsOptions, isApiError, type FieldReviewSettingsDto } from '@eclore/api-client';
import { TextField } from '@eclore/web-ui';
import { SettingsPanel } from '../../../app/SettingsPanel';
import { useSaveFieldReviewSettings } from './queries';
import { useFieldReviewsText } from './i18n';

type Field = 'monthsAfterGoLive' | 'remindAfterDays' | 'lateAfterDays';

/** Administration: when the returns to the field are asked, reminded and reported late. */
export function FieldReviewSettingsPanel() {
  const settings = useQuery(getFieldReviewSettingsOptions());
  return settings.isSuccess ? <SettingsForm current={settings.data} /> : null;
}

function SettingsForm({ current }: { current: FieldReviewSettingsDto }) {
  const s = useFieldReviewsText();
  const [values, setValues] = useState<Record<Field, string>>({
    monthsAfterGoLive: current.monthsAfterGoLive.join(', '),
    remindAfterDays: String(current.remindAfterDays),
    lateAfterDays: String(current.lateAfterDays),
  });
  const save = useSaveFieldReviewSettings();
  const fieldError = (field: Field): string | undefined => {
    const problem = isApiError(save.error) ? save.error.errorsFor(field)[0] : undefined;
    return problem ? problem.message : undefined;
  };
  const onSave = () => {
    const months = values.monthsAfterGoLive
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    save.mutate({
      body: {
        monthsAfterGoLive: months,
        remindAfterDays: Number(values.remindAfterDays),
        lateAfterDays: Number(values.lateAfterDays),
      },
    });
  };
  const labels: Record<Field, string> = {
    monthsAfterGoLive: s.settings.months,
    remindAfterDays: s.settings.remind,
    lateAfterDays: s.settings.late,
  };
  return (
    <SettingsPanel text={s.settings} save={save} onSave={onSave} formClassName="ec-settings-form">
      {(Object.keys(labels) as Field[]).map((field) => (
        <TextField
          key={field}
          label={labels[field]}
          error={fieldError(field)}
          inputMode={field === 'monthsAfterGoLive' ? 'text' : 'numeric'}
          required
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
        />
      ))}
    </SettingsPanel>
  );
}
