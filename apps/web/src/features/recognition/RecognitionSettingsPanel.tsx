import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getRecognitionSettingsOptions,
  getRecognitionSettingsQueryKey,
  setRecognitionSettingsMutation,
} from '@eclore/api-client';
import { RECOGNITION_MILESTONE_KEYS, type RecognitionMilestone } from '@eclore/domain';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { SettingsPanel } from '../../app/SettingsPanel';
import { useRecognitionText } from './i18n';

/** HR's and admins' choice of the milestones that open recognition due (docs/recognition.md §3). */
export function RecognitionSettingsPanel() {
  const app = useAppText();
  const text = useRecognitionText();
  const queryClient = useQueryClient();
  const settings = useQuery(getRecognitionSettingsOptions());
  const [chosen, setChosen] = useState<RecognitionMilestone[] | null>(null);
  const save = useMutation({
    ...setRecognitionSettingsMutation(),
    onSuccess: (data) => {
      queryClient.setQueryData(getRecognitionSettingsQueryKey(), data);
      setChosen(null);
    },
  });
  if (!settings.data) return null;
  const current = chosen ?? settings.data.milestones;
  return (
    <SettingsPanel
      text={text.settings}
      save={save}
      failure={save.isError ? problemMessage(app.problems, save.error) : null}
      onSave={() => save.mutate({ body: { milestones: current } })}
    >
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
    </SettingsPanel>
  );
}
