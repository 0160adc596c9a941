import type { ReactNode } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { Button, FieldError, Panel, TextField } from '@eclore/web-ui';
import { move, nextPhase, type PhaseDraft } from './campaign-form';
import { fill, type CampaignsText } from './i18n';

type Errors = ReadonlyMap<string, string>;

/** The campaign's dated phases: name, dates, what is open in each, reordered and removed in place. */
export function PhasesEditor({
  phases,
  onChange,
  errors,
  s,
}: {
  phases: PhaseDraft[];
  onChange: (phases: PhaseDraft[]) => void;
  errors: Errors;
  s: CampaignsText;
}) {
  const set = (i: number, patch: Partial<PhaseDraft>) =>
    onChange(phases.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Panel title={s.editor.phases}>
      <p className="ec-text-field__hint">{s.editor.phasesHint}</p>
      {phases.length === 0 ? <p>{s.editor.noPhases}</p> : null}
      <ol className="ec-campaign-list">
        {phases.map((p, i) => {
          const n = i + 1;
          const err = (field: string) => errors.get(`phases.${i}.${field}`);
          return (
            <li key={p.key}>
              <fieldset className="ec-phase-editor">
                <legend>{fill(s.editor.phaseLegend, { n })}</legend>
                <TextField
                  label={s.editor.phaseName}
                  value={p.name}
                  onChange={(e) => set(i, { name: e.target.value })}
                  error={err('name')}
                  required
                  maxLength={120}
                />
                <div className="ec-phase-editor__dates">
                  {(['startsAt', 'endsAt'] as const).map((key) => (
                    <TextField
                      key={key}
                      label={s.editor[key]}
                      type="datetime-local"
                      value={p[key]}
                      onChange={(e) => set(i, { [key]: e.target.value })}
                      error={err(key)}
                      required
                    />
                  ))}
                </div>
                <ul className="ec-phase-editor__switches">
                  <Switch checked={p.submissionsOpen} onChange={(v) => set(i, { submissionsOpen: v })}>
                    {s.editor.submissionsOpen}
                  </Switch>
                  <Switch checked={p.supportsOpen} onChange={(v) => set(i, { supportsOpen: v })}>
                    {s.editor.supportsOpen}
                  </Switch>
                  <Switch checked={p.commentsOpen} onChange={(v) => set(i, { commentsOpen: v })}>
                    {s.editor.commentsOpen}
                  </Switch>
                </ul>
                <div className="ec-campaign-actions">
                  <Button
                    variant="secondary"
                    disabled={i === 0}
                    aria-label={fill(s.editor.moveUp, { n })}
                    onClick={() => onChange(move(phases, i, -1))}
                  >
                    <ArrowUp aria-hidden="true" focusable="false" size={18} />
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={i === phases.length - 1}
                    aria-label={fill(s.editor.moveDown, { n })}
                    onClick={() => onChange(move(phases, i, 1))}
                  >
                    <ArrowDown aria-hidden="true" focusable="false" size={18} />
                  </Button>
                  <Button variant="secondary" onClick={() => onChange(phases.filter((_, j) => j !== i))}>
                    {fill(s.editor.removePhase, { n })}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" onClick={() => onChange([...phases, nextPhase(phases, s.editor.newPhaseName)])}>
        {s.editor.addPhase}
      </Button>
      <FieldError id="campaign-phases-error">{errors.get('phases')}</FieldError>
    </Panel>
  );
}

/** An on/off switch: a native checkbox with the switch role, so it is announced "on"/"off". */
function Switch({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  children: ReactNode;
}) {
  return (
    <li>
      <label>
        <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
        {children}
      </label>
    </li>
  );
}
