import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  getCharterQueryKey,
  setCharterMutation,
  type CharterCommitmentDto,
  type CharterCommitmentInput,
} from '@eclore/api-client';
import { REPORT_FIGURES, type ReportFigure } from '@eclore/domain';
import { Alert, Button, TextField } from '@eclore/web-ui';
import { fieldMessages, problemMessage } from '../../../app/errors';
import { useAppText } from '../../../app/i18n';
import { useInvalidate } from '../../../app/queries';
import type { CharterText } from './i18n';

type Draft = CharterCommitmentInput;

const EMPTY_NEW: Draft = { key: '', title: { fr: '', en: '' }, indicators: [] };

/**
 * HR's and admins' editor of the charter (docs/recognition.md §4): rename (French and English titles),
 * move up or down, retire, add a commitment with its indicators; saved as a whole, every earlier
 * version kept by the server.
 */
export function CharterEditor({
  s,
  commitments,
  onDone,
}: {
  s: CharterText;
  commitments: readonly CharterCommitmentDto[];
  onDone: () => void;
}) {
  const app = useAppText();
  const [draft, setDraft] = useState<Draft[]>(() =>
    commitments.map((c) => ({ key: c.key, title: { ...c.title }, indicators: [...c.indicators] })),
  );
  const [adding, setAdding] = useState<Draft>(EMPTY_NEW);
  const changed = useInvalidate(() => [getCharterQueryKey()]);
  const save = useMutation({
    ...setCharterMutation(),
    onSuccess: () => {
      void changed();
      onDone();
    },
  });
  const errors = fieldMessages(save.error, s.fieldErrors, s.invalid);
  const update = (i: number, next: Partial<Draft>) =>
    setDraft((list) => list.map((d, j) => (j === i ? { ...d, ...next } : d)));
  const move = (i: number, by: -1 | 1) =>
    setDraft((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  const toggle = (figure: ReportFigure) =>
    setAdding((a) => ({
      ...a,
      indicators: a.indicators.includes(figure) ? a.indicators.filter((f) => f !== figure) : [...a.indicators, figure],
    }));

  return (
    <form
      className="ec-charter__editor"
      aria-label={s.editor.title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ body: { commitments: draft } });
      }}
    >
      <ol>
        {draft.map((d, i) => (
          <li key={d.key} data-key={d.key}>
            <TextField
              label={s.editor.titleFr}
              value={d.title.fr}
              error={errors.get(`commitments.${i}.title.fr`)}
              onChange={(e) => update(i, { title: { ...d.title, fr: e.target.value } })}
            />
            <TextField
              label={s.editor.titleEn}
              value={d.title.en}
              error={errors.get(`commitments.${i}.title.en`)}
              onChange={(e) => update(i, { title: { ...d.title, en: e.target.value } })}
            />
            <p className="ec-charter__indicators">
              {s.indicatorsColon} {d.indicators.map((f) => s.figures[f as ReportFigure] ?? f).join(', ')}
            </p>
            <div className="ec-charter__moves">
              <Button
                variant="secondary"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={s.editor.up(d.title.fr)}
              >
                {s.editor.upShort}
              </Button>
              <Button
                variant="secondary"
                disabled={i === draft.length - 1}
                onClick={() => move(i, 1)}
                aria-label={s.editor.down(d.title.fr)}
              >
                {s.editor.downShort}
              </Button>
              <Button
                variant="secondary"
                disabled={draft.length === 1}
                onClick={() => setDraft((list) => list.filter((_, j) => j !== i))}
                aria-label={s.editor.retire(d.title.fr)}
              >
                {s.editor.retireShort}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <fieldset className="ec-fieldset">
        <legend>{s.editor.add}</legend>
        <TextField
          label={s.editor.key}
          hint={s.editor.keyHint}
          value={adding.key}
          onChange={(e) => setAdding({ ...adding, key: e.target.value })}
        />
        <TextField
          label={s.editor.titleFr}
          value={adding.title.fr}
          onChange={(e) => setAdding({ ...adding, title: { ...adding.title, fr: e.target.value } })}
        />
        <TextField
          label={s.editor.titleEn}
          value={adding.title.en}
          onChange={(e) => setAdding({ ...adding, title: { ...adding.title, en: e.target.value } })}
        />
        <fieldset className="ec-fieldset ec-charter__figures">
          <legend>{s.indicators}</legend>
          {REPORT_FIGURES.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={adding.indicators.includes(f)} onChange={() => toggle(f)} />{' '}
              {s.figures[f]}
            </label>
          ))}
        </fieldset>
        <Button
          variant="secondary"
          disabled={!adding.key.trim() || draft.some((d) => d.key === adding.key.trim())}
          onClick={() => {
            setDraft((list) => [...list, { ...adding, key: adding.key.trim() }]);
            setAdding(EMPTY_NEW);
          }}
        >
          {s.editor.addButton}
        </Button>
      </fieldset>
      {save.isError ? <Alert tone="error">{problemMessage(app.problems, save.error, s.problems)}</Alert> : null}
      {[...errors].filter(([field]) => !/\.title\.(fr|en)$/.test(field)).length > 0 ? (
        <ul className="ec-charter__problems">
          {[...errors]
            .filter(([field]) => !/\.title\.(fr|en)$/.test(field))
            .map(([field, message]) => (
              <li key={field}>{problemText(s, field, message)}</li>
            ))}
        </ul>
      ) : null}
      <div className="ec-charter__moves">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? s.saving : s.editor.save}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {s.editor.cancel}
        </Button>
      </div>
    </form>
  );
}

/** A refused field in words: `commitments.7.key` is "Commitment 8, key: …". */
function problemText(s: CharterText, field: string, message: string): string {
  const m = /^commitments\.(\d+)\.(\w+)/.exec(field);
  return m
    ? s.editor.problem(Number(m[1]) + 1, s.editor.parts[m[2]!] ?? m[2]!, message)
    : s.editor.problem(null, '', message);
}
