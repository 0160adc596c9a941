import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  createCampaignMutation,
  getCampaignOptions,
  isApiError,
  listOrgUnitsOptions,
  replaceCampaignPhasesMutation,
  searchPeopleOptions,
  updateCampaignMutation,
  type SubmissionRulesInput,
} from '@eclore/api-client';
import { IDEA_KINDS, SUBMISSION_RULE_FIELDS, SUBMISSION_RULE_LIMITS } from '@eclore/domain';
import { Alert, Button, PageHeader, Panel, TextField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { FieldError, TextAreaField } from '@eclore/web-ui';
import { campaignBody, draftFrom, emptyDraft, phasesBody, type CampaignDraft } from './campaign-form';
import { fieldErrorText, useCampaignsText, type CampaignsText } from './i18n';
import { PhasesEditor } from './PhasesEditor';
import './campaigns.css';
import { useCampaignSaved } from './queries';

type Errors = ReadonlyMap<string, string>;

/** New call for ideas (/campaigns/new) and editing one (/campaigns/:id/edit), for network members and admins. */
export default function CampaignEditorPage() {
  const s = useCampaignsText();
  const { id } = useParams();
  const editing = id !== undefined;
  useDocumentTitle(editing ? s.editor.editTitle : s.editor.newTitle);
  const focus = useFocusHeadingOnMount();
  const navigate = useNavigate();
  const campaignSaved = useCampaignSaved();
  const existing = useQuery({ ...getCampaignOptions({ path: { id: id ?? '' } }), enabled: editing });
  const [draft, setDraft] = useState<CampaignDraft | null>(editing ? null : emptyDraft());
  const [errors, setErrors] = useState<Errors>(new Map());
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data && draft === null) setDraft(draftFrom(existing.data));
  }, [existing.data, draft]);

  const create = useMutation(createCampaignMutation());
  const update = useMutation(updateCampaignMutation());
  const replacePhases = useMutation(replaceCampaignPhasesMutation());
  const busy = create.isPending || update.isPending || replacePhases.isPending;

  if (editing && existing.isError) return <Alert tone="error">{s.page.notFound}</Alert>;
  if (!draft) return <p role="status">…</p>;

  const change = (patch: Partial<CampaignDraft>) => setDraft({ ...draft, ...patch });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(new Map());
    setFailure(null);
    try {
      let savedId: string;
      if (editing && id) {
        await update.mutateAsync({ path: { id }, body: campaignBody(draft) });
        await replacePhases.mutateAsync({ path: { id }, body: { phases: phasesBody(draft.phases) } });
        savedId = id;
      } else {
        savedId = (await create.mutateAsync({ body: { ...campaignBody(draft), phases: phasesBody(draft.phases) } })).id;
      }
      await campaignSaved();
      void navigate(`/campaigns/${savedId}`);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length) {
        const map = new Map<string, string>();
        for (const e of error.fieldErrors) if (!map.has(e.field)) map.set(e.field, fieldErrorText(s, e.code));
        setErrors(map);
        setFailure(s.editor.fixErrors);
      } else {
        setFailure(isApiError(error) && error.status === 403 ? s.errors.forbidden : s.errors.generic);
      }
    }
  };

  return (
    <>
      <PageHeader title={editing ? s.editor.editTitle : s.editor.newTitle} lead={s.editor.lead} focusOnMount={focus} />
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Panel title={s.page.question}>
          <TextField
            label={s.editor.title}
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            error={errors.get('title')}
            required
            maxLength={160}
          />
          <TextField
            label={s.editor.question}
            hint={s.editor.questionHint}
            value={draft.question}
            onChange={(e) => change({ question: e.target.value })}
            error={errors.get('question')}
            required
            maxLength={300}
          />
          <TextAreaField
            label={s.editor.description}
            hint={s.editor.descriptionHint}
            value={draft.description}
            onChange={(e) => change({ description: e.target.value })}
            error={errors.get('descriptionHtml')}
            rows={6}
          />
          <SponsorPicker draft={draft} change={change} error={errors.get('sponsorId')} s={s} />
        </Panel>
        <AudiencePicker draft={draft} change={change} errors={errors} s={s} />
        <RulesEditor rules={draft.rules} onChange={(rules) => change({ rules })} errors={errors} s={s} />
        <PhasesEditor phases={draft.phases} onChange={(phases) => change({ phases })} errors={errors} s={s} />
        <div className="ec-campaign-actions">
          <Button type="submit" disabled={busy}>
            {busy ? s.editor.saving : s.editor.save}
          </Button>
          <Link to={editing ? `/campaigns/${id}` : '/campaigns'}>{s.editor.cancel}</Link>
        </div>
      </form>
    </>
  );
}

function SponsorPicker({
  draft,
  change,
  error,
  s,
}: {
  draft: CampaignDraft;
  change: (patch: Partial<CampaignDraft>) => void;
  error: string | undefined;
  s: CampaignsText;
}) {
  const [q, setQ] = useState('');
  const people = useQuery({
    ...searchPeopleOptions({ query: { q: q.trim(), limit: 8 } }),
    enabled: q.trim().length >= 2,
  });
  return (
    <div>
      <p>
        <strong>{s.editor.sponsor} : </strong>
        {draft.sponsor ? draft.sponsor.name : s.editor.sponsorNone}{' '}
        {draft.sponsor ? (
          <Button variant="secondary" onClick={() => change({ sponsor: null })}>
            {s.editor.sponsorClear}
          </Button>
        ) : null}
      </p>
      <TextField
        label={s.editor.sponsor}
        hint={s.editor.sponsorHint}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={error}
        autoComplete="off"
        type="search"
      />
      {people.data && people.data.length ? (
        <ul aria-label={s.editor.sponsorResults} className="ec-checkbox-list ec-checkbox-list--column">
          {people.data.map((p) => (
            <li key={p.id}>
              <Button
                variant="secondary"
                onClick={() => {
                  change({ sponsor: { id: p.id, name: `${p.givenName} ${p.familyName}` } });
                  setQ('');
                }}
              >
                {p.givenName} {p.familyName}
                {p.orgUnitName ? ` · ${p.orgUnitName}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function AudiencePicker({
  draft,
  change,
  errors,
  s,
}: {
  draft: CampaignDraft;
  change: (patch: Partial<CampaignDraft>) => void;
  errors: Errors;
  s: CampaignsText;
}) {
  const units = useQuery(listOrgUnitsOptions());
  // Depth-first order, so each unit sits under its parent.
  const sorted = [...(units.data ?? [])]
    .filter((u) => u.active)
    .sort((a, b) => sortKey(a.path, units.data ?? []).localeCompare(sortKey(b.path, units.data ?? [])));
  const toggle = (unitId: string, on: boolean) =>
    change({
      audienceOrgUnitIds: on
        ? [...draft.audienceOrgUnitIds, unitId]
        : draft.audienceOrgUnitIds.filter((x) => x !== unitId),
    });
  const error = [...errors.entries()].find(([field]) => field.startsWith('audienceOrgUnitIds'))?.[1];
  return (
    <Panel title={s.editor.audience}>
      <fieldset aria-describedby="campaign-audience-hint campaign-audience-error">
        <legend>{s.editor.audience}</legend>
        <p className="ec-text-field__hint" id="campaign-audience-hint">
          {s.editor.audienceHint}
        </p>
        <ul className="ec-checkbox-list ec-checkbox-list--column">
          {sorted.map((u) => (
            <li key={u.id} style={{ paddingLeft: `${(u.path.length - 1) * 1.5}rem` }}>
              <label>
                <input
                  type="checkbox"
                  checked={draft.audienceOrgUnitIds.includes(u.id)}
                  onChange={(e) => toggle(u.id, e.target.checked)}
                />{' '}
                {u.name}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="campaign-audience-error">{error}</FieldError>
      </fieldset>
    </Panel>
  );
}

function sortKey(path: readonly string[], all: readonly { id: string; name: string }[]): string {
  return path.map((id) => all.find((u) => u.id === id)?.name ?? id).join(' / ');
}

function RulesEditor({
  rules,
  onChange,
  errors,
  s,
}: {
  rules: SubmissionRulesInput;
  onChange: (rules: SubmissionRulesInput) => void;
  errors: Errors;
  s: CampaignsText;
}) {
  const number = (key: 'titleMaxLength' | 'summaryMaxLength' | 'bodyMinLength', label: string) => (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      min={SUBMISSION_RULE_LIMITS[key].min}
      max={SUBMISSION_RULE_LIMITS[key].max}
      value={String(rules[key])}
      onChange={(e) => onChange({ ...rules, [key]: Number(e.target.value) })}
      error={errors.get(`submissionRules.${key}`)}
    />
  );
  return (
    <Panel title={s.editor.rules}>
      <Choices
        legend={s.editor.allowedKinds}
        options={IDEA_KINDS}
        labelOf={(kind) => s.editor[kind]}
        chosen={rules.allowedKinds}
        onChange={(allowedKinds) => onChange({ ...rules, allowedKinds })}
        error={{ id: 'campaign-kinds-error', text: errors.get('submissionRules.allowedKinds') }}
      />
      <Choices
        legend={s.editor.requiredFields}
        options={SUBMISSION_RULE_FIELDS}
        labelOf={(field) => s.editor.fields[field]}
        chosen={rules.requiredFields}
        onChange={(requiredFields) => onChange({ ...rules, requiredFields })}
      />
      {number('titleMaxLength', s.editor.titleMaxLength)}
      {number('summaryMaxLength', s.editor.summaryMaxLength)}
      {number('bodyMinLength', s.editor.bodyMinLength)}
    </Panel>
  );
}

/** A fieldset of checkboxes choosing some of `options` (in their order of choosing), with its refusal when it has one. */
function Choices<T extends string>({
  legend,
  options,
  labelOf,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  error?: { id: string; text: string | undefined };
}) {
  return (
    <fieldset aria-describedby={error?.id}>
      <legend>{legend}</legend>
      <ul className="ec-checkbox-list">
        {options.map((option) => (
          <li key={option}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((v) => v !== option))}
              />{' '}
              {labelOf(option)}
            </label>
          </li>
        ))}
      </ul>
      {error ? <FieldError id={error.id}>{error.text}</FieldError> : null}
    </fieldset>
  );
}
