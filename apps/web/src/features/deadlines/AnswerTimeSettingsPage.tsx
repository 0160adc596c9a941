import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getAnswerTimeSettingsOptions,
  getAnswerTimeSettingsQueryKey,
  isApiError,
  setAnswerTimeSettingsMutation,
  type AnswerTimeSettingsDto,
} from '@eclore/api-client';
import { Alert, TextField } from '@eclore/web-ui';
import { SettingsPanel } from '../../app/SettingsPanel';
import { AdminHeader } from '../admin/AdminHeader';
import { FieldReviewSettingsPanel } from '../realisation';
import { problemMessage } from '../../app/errors';
import { useLocale, useDeadlinesText } from './i18n';
import './deadlines.css';
import { useAppText } from '../../app/i18n';
import { messageFor } from '../../app/errors';

type Field = 'firstAnswerDays' | 'qualificationDays' | 'remindBeforeDays';
const FIELDS: readonly Field[] = ['firstAnswerDays', 'qualificationDays', 'remindBeforeDays'];

/** Administration: the organisation's answer-time guarantee (days for the first answer, the qualification, the reminder). */
export default function AnswerTimeSettingsPage() {
  const s = useDeadlinesText();
  const app = useAppText();
  const settings = useQuery(getAnswerTimeSettingsOptions());
  return (
    <>
      <AdminHeader title={s.settings.title} lead={s.settings.lead} />
      {settings.isPending ? <p role="status">{app.app.loading}</p> : null}
      {settings.isError ? <Alert tone="error">{problemMessage(app.problems, settings.error)}</Alert> : null}
      {settings.isSuccess ? <SettingsForm current={settings.data} /> : null}
      <FieldReviewSettingsPanel />
    </>
  );
}

function SettingsForm({ current }: { current: AnswerTimeSettingsDto }) {
  const s = useDeadlinesText();
  const locale = useLocale();
  const app = useAppText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    firstAnswerDays: String(current.firstAnswerDays),
    qualificationDays: String(current.qualificationDays),
    remindBeforeDays: String(current.remindBeforeDays),
  });
  const save = useMutation({
    ...setAnswerTimeSettingsMutation(),
    onSuccess: (data) => queryClient.setQueryData(getAnswerTimeSettingsQueryKey(), data),
  });
  const fieldError = (field: Field): string | undefined => {
    const problem = isApiError(save.error) ? save.error.errorsFor(field)[0] : undefined;
    return problem ? (messageFor(s.settings.invalid, problem.code) ?? problem.message) : undefined;
  };
  const onSave = () => {
    // Sent as typed numbers; the api names any field it refuses (shown under that field).
    save.mutate({
      body: {
        firstAnswerDays: Number(values.firstAnswerDays),
        qualificationDays: Number(values.qualificationDays),
        remindBeforeDays: Number(values.remindBeforeDays),
      },
    });
  };
  const hints: Partial<Record<Field, string>> = {
    firstAnswerDays: s.settings.firstAnswerHint,
    remindBeforeDays: s.settings.remindHint,
  };
  return (
    <SettingsPanel
      text={{ title: s.settings.tab, saved: s.settings.saved, save: s.settings.save }}
      save={save}
      failure={save.isError && !FIELDS.some((f) => fieldError(f)) ? problemMessage(app.problems, save.error) : null}
      onSave={onSave}
      formClassName="ec-settings-form"
      after={
        current.updatedAt ? (
          <p>
            {s.settings.updatedAt(
              new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
                new Date(current.updatedAt),
              ),
            )}
          </p>
        ) : null
      }
    >
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={s.settings[field]}
          hint={hints[field]}
          error={fieldError(field)}
          type="number"
          inputMode="numeric"
          min={field === 'remindBeforeDays' ? 0 : 1}
          max={365}
          required
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
        />
      ))}
    </SettingsPanel>
  );
}
