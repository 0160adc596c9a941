import { useState, type ReactNode } from 'react';
import type { CategoryFrequencyDto } from '@eclore/api-client';
import { Alert, Button, optionsOf, SelectField } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useNotificationsText } from './i18n';

type Frequency = CategoryFrequencyDto['frequency'];
const FREQUENCIES: Frequency[] = ['immediately', 'daily', 'weekly', 'off'];

/**
 * How often each category of notification is e-mailed (a person's choices, or the organisation's
 * defaults): a select per category; only the changed ones are saved, then the form starts afresh.
 * `fallback` words, under a category, what it falls back to; `children` follow the save button.
 */
export function FrequenciesForm<Row extends CategoryFrequencyDto>({
  label,
  rows,
  fallback,
  save,
  saveLabel,
  onSave,
  children,
}: {
  label: string;
  rows: readonly Row[];
  fallback?: (row: Row) => ReactNode;
  save: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    mutate(variables: { body: { preferences: CategoryFrequencyDto[] } }, options: { onSuccess: () => void }): void;
  };
  saveLabel: string;
  /** Before a save (a notice of the last one goes). */
  onSave: () => void;
  children?: ReactNode;
}) {
  const s = useNotificationsText();
  const app = useAppText();
  const [draft, setDraft] = useState<Record<string, Frequency>>({});
  const submit = () => {
    onSave();
    const preferences = Object.entries(draft).map(
      ([category, frequency]) => ({ category, frequency }) as CategoryFrequencyDto,
    );
    save.mutate({ body: { preferences } }, { onSuccess: () => setDraft({}) });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className="ec-notif-prefs"
      aria-label={label}
    >
      {rows.map((row) => {
        const hintId = `pref-default-${row.category}`;
        const select = (
          <SelectField
            key={row.category}
            label={s.categories[row.category]}
            value={draft[row.category] ?? row.frequency}
            onChange={(e) => setDraft({ ...draft, [row.category]: e.target.value as Frequency })}
            aria-describedby={fallback ? hintId : undefined}
            options={optionsOf(FREQUENCIES, s.frequencies)}
          />
        );
        return fallback ? (
          <div key={row.category}>
            {select}
            <small id={hintId}>{fallback(row)}</small>
          </div>
        ) : (
          select
        );
      })}
      <div>
        <Button type="submit" disabled={save.isPending || Object.keys(draft).length === 0}>
          {saveLabel}
        </Button>
      </div>
      {children}
      {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error)}</Alert> : null}
    </form>
  );
}
