import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  getCharterInputsOptions,
  getCharterOptions,
  setCharterInputsMutation,
  type CharterInputEntryDto,
} from '@eclore/api-client';
import { can, type ReportFigure } from '@eclore/domain';
import { Alert, Button, DataTable, PageHeader, Panel, SelectField, TextField } from '@eclore/web-ui';
import { fieldMessages, problemMessage } from '../../../app/errors';
import { useAppText } from '../../../app/i18n';
import { useFocusHeadingOnMount } from '../../../app/route-focus';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useLocale } from '../../../i18n/text';
import { useSession } from '../../../session/session';
import { CharterEditor } from './CharterEditor';
import { useCharterText, type CharterText } from './i18n';
import { useCharterInputsChanged } from './queries';
import './charter.css';

const FIRST_YEAR = 2000;
const FIELDS = ['peopleTrained', 'communicationActions', 'celebrationsHeld', 'budget'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The charter (docs/recognition.md §4): the commitments in force with their indicators, their earlier
 * versions, and HR's yearly inputs with the history of each year's entries.
 */
export default function CharterPage() {
  const s = useCharterText();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const charter = useQuery(getCharterOptions());
  const locale = useLocale();
  const { actor } = useSession();
  const mayEdit = can(actor, 'charter.manage');
  const [editing, setEditing] = useState(false);
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      {charter.isError ? <Alert tone="error">{s.loadError}</Alert> : null}
      <Panel title={s.commitments}>
        {editing && charter.data ? (
          <CharterEditor s={s} commitments={charter.data.commitments} onDone={() => setEditing(false)} />
        ) : (
          <>
            <ol className="ec-charter__commitments" data-testid="charter-commitments">
              {(charter.data?.commitments ?? []).map((c) => (
                <li key={c.key}>
                  <strong>{c.title[locale]}</strong>
                  <span className="ec-charter__indicators">
                    {s.indicatorsColon} {c.indicators.map((i) => s.figures[i as ReportFigure] ?? i).join(', ')}
                  </span>
                </li>
              ))}
            </ol>
            <details className="ec-charter__history">
              <summary>{s.history}</summary>
              {charter.data?.history.length ? (
                <ul>
                  {charter.data.history.map((h) => (
                    <li key={`${h.key}-${h.validFrom}`}>
                      {h.title[locale]} ({h.validTo ? s.until(day(h.validTo)) : ''})
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{s.historyEmpty}</p>
              )}
            </details>
            {mayEdit ? (
              <Button variant="secondary" onClick={() => setEditing(true)} disabled={!charter.data}>
                {s.edit}
              </Button>
            ) : null}
          </>
        )}
      </Panel>
      <InputsPanel s={s} />
    </>
  );
}

function InputsPanel({ s }: { s: CharterText }) {
  const app = useAppText();
  const { actor } = useSession();
  const mayEdit = can(actor, 'charter.manage');
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const inputs = useQuery(getCharterInputsOptions({ query: { year } }));
  const changed = useCharterInputsChanged(year);
  const [draft, setDraft] = useState<{ year: number; values: Record<Field, string> } | null>(null);
  const current = inputs.data?.current ?? null;
  const shown = (f: Field) => (current?.[f] === null || current?.[f] === undefined ? '' : String(current[f]));
  const values: Record<Field, string> =
    draft && draft.year === year
      ? draft.values
      : {
          peopleTrained: shown('peopleTrained'),
          communicationActions: shown('communicationActions'),
          celebrationsHeld: shown('celebrationsHeld'),
          budget: shown('budget'),
        };
  const save = useMutation({
    ...setCharterInputsMutation(),
    onSuccess: () => {
      setDraft(null);
      void changed();
    },
  });
  const errors = fieldMessages(save.error, s.fieldErrors, s.invalid);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(
      FIELDS.map((f) => [f, values[f].trim() === '' ? null : Number(values[f].replace(',', '.'))]),
    );
    save.mutate({ path: { year }, body });
  };
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  return (
    <Panel title={s.inputs}>
      <p>{s.inputsLead}</p>
      <SelectField
        label={s.year}
        value={String(year)}
        onChange={(e) => {
          setYear(Number(e.target.value));
          save.reset();
        }}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {mayEdit ? (
        <form className="ec-charter__inputs" onSubmit={submit} noValidate>
          {FIELDS.map((f) => (
            <TextField
              key={f}
              label={s[f]}
              name={f}
              inputMode={f === 'budget' ? 'decimal' : 'numeric'}
              value={values[f]}
              hint={f === 'budget' ? s.budgetHint : undefined}
              error={errors.get(f)}
              onChange={(e) => setDraft({ year, values: { ...values, [f]: e.target.value } })}
            />
          ))}
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? s.saving : s.save}
          </Button>
        </form>
      ) : (
        <p>{s.readOnly}</p>
      )}
      {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error, s.problems)}</Alert> : null}
      {save.isSuccess ? <p role="status">{s.saved}</p> : null}
      <Entries s={s} rows={inputs.data?.history ?? []} />
    </Panel>
  );
}

function Entries({ s, rows }: { s: CharterText; rows: CharterInputEntryDto[] }) {
  const locale = useLocale();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const value = (v: number | string | null) =>
    v === null ? s.notEntered : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(v));
  return (
    <div className="ec-charter__entries">
      <DataTable
        caption={s.entries}
        // On a phone each entry reads as a short list of its values, not a squeezed table.
        narrow="list"
        rows={rows}
        rowKey={(r) => r.enteredAt}
        empty={s.entriesEmpty}
        columns={[
          { key: 'at', header: s.enteredAt, cell: (r) => when(r.enteredAt), rowHeader: true },
          ...FIELDS.map((f) => ({ key: f, header: s[f], cell: (r: CharterInputEntryDto) => value(r[f]) })),
          { key: 'state', header: s.state, cell: (r) => (r.supersededAt ? s.superseded : s.inForce) },
        ]}
      />
    </div>
  );
}
