import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getRecognitionSettingsOptions,
  getRecognitionSettingsQueryKey,
  setRecognitionSettingsMutation,
} from '@eclore/api-client';
import { RECOGNITION_MILESTONE_KEYS, type RecognitionMilestone } from '@eclore/domain';
import { Alert, Button, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useRecognitionText } from './i18n';

/** HR's and admins' choice of the milestones that open recognition due (docs/recognition.md §3). */
export function RecognitionSettingsPanel() {
  const app = useAppText();
  const text = useRecognitionText();
  const queryClient = useQueryClient();
  const settings = useQuery(getRecognitionSettingsOptions());
  const [chosen, setChosen] = useState<RecognitionMilestone[] | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    ...setRecognitionSettingsMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(getRecognitionSettingsQueryKey(), data);
      setChosen(null);
      setSaved(true);
    },
  });
  if (!settings.data) return null;
  const current = chosen ?? settings.data.milestones;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ body: { milestones: current } });
  };
  return (
    <Panel title={text.settings.title}>
      <p>{text.settings.lead}</p>
      {saved ? <Alert tone="success">{text.settings.saved}</Alert> : null}
      {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error)}</Alert> : null}
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>{text.settings.legend}</legend>
          {RECOGNITION_MILESTONE_KEYS.map((m) => (
            <label key={m} className="ec-recognition-check">
              <input
                type="checkbox"
                checked={current.includes(m)}
                onChange={(e) => setChosen(e.target.checked ? [...current, m] : current.filter((x) => x !== m))}
              />{' '}
              {text.milestones[m]}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={save.isPending}>
          {text.settings.save}
        </Button>
      </form>
    </Panel>
  );
}
