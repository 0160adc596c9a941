import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  createIdeaMutation,
  getCampaignOptions,
  getIdeaOptions,
  isApiError,
  listOrgUnitsOptions,
  listThemesOptions,
  submitIdeaMutation,
  updateIdeaMutation,
  ApiError,
  type IdeaDto,
} from '@eclore/api-client';
import { DEFAULT_SUBMISSION_RULES } from '@eclore/domain';
import { Alert, Button, PageHeader, SelectField, TextField, type SelectFieldProps } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { CoAuthorsPanel } from './CoAuthorsPanel';
import { FieldError, TextAreaField } from '@eclore/web-ui';
import { RichTextEditor } from '../editor';
import { fieldErrorText, useLocale, useIdeasText } from './i18n';
import './ideas.css';
import { useDraftSaved } from './queries';
import { EMPTY, FREQUENCIES, fromIdea, refusalOf, type Draft, type Frequency, type Refusal } from './idea-draft';

/** New idea (/ideas/new, ?campaign= preselects a call for ideas) and draft editing (/ideas/:id/edit). */
export default function IdeaEditorPage() {
  const { id } = useParams();
  const existing = useQuery({ ...getIdeaOptions({ path: { id: id ?? '' } }), enabled: id !== undefined });
  const s = useIdeasText();
  if (id !== undefined && existing.isPending) return <p role="status">…</p>;
  if (id !== undefined && existing.isError) return <Alert tone="error">{s.page.notFound}</Alert>;
  return <IdeaEditor key={existing.data?.id ?? 'new'} idea={existing.data ?? null} />;
}

function IdeaEditor({ idea: initial }: { idea: IdeaDto | null }) {
  const s = useIdeasText();
  const locale = useLocale();
  const focus = useFocusHeadingOnMount();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const campaignId = initial ? initial.campaignId : params.get('campaign');
  const [idea, setIdea] = useState<IdeaDto | null>(initial);
  const [draft, setDraft] = useState<Draft>(initial ? fromIdea(initial) : EMPTY);
  // A new draft's first save moves to its own address (a new page): the notice, and a refused
  // submission's reasons, travel with it.
  const location = useLocation();
  const arrived = location.state as { notice?: string; refusal?: Refusal } | null;
  const [error, setError] = useState<ApiError | Error | null>(() =>
    arrived?.refusal ? new ApiError(arrived.refusal) : null,
  );
  const [notice, setNotice] = useState<string | null>(arrived?.notice ?? null);
  useDocumentTitle(initial ? s.form.editTitle : s.form.newTitle);

  const units = useQuery(listOrgUnitsOptions());
  const themes = useQuery(listThemesOptions());
  const campaign = useQuery({ ...getCampaignOptions({ path: { id: campaignId ?? '' } }), enabled: !!campaignId });
  const create = useMutation(createIdeaMutation());
  const update = useMutation(updateIdeaMutation());
  const submit = useMutation(submitIdeaMutation());
  const busy = create.isPending || update.isPending || submit.isPending;
  // The fields the submission rules require (the campaign's, or the always-open box's); a title always.
  const rules = (campaignId ? campaign.data?.submissionRules : undefined) ?? DEFAULT_SUBMISSION_RULES;
  const requires = (field: string) => (rules.requiredFields as readonly string[]).includes(field);
  const labelOf = (text: string, required: boolean) => (required ? `${text} ${s.form.requiredMark}` : text);

  const kindFields = (d: Draft) =>
    d.kind === 'problem'
      ? { whoSuffers: d.whoSuffers || null, frequency: d.frequency || undefined }
      : { expectedBenefits: d.expectedBenefits || null, needs: d.needs || null };
  const common = (d: Draft) => ({
    title: d.title,
    summary: d.summary,
    bodyHtml: d.body,
    orgUnitId: d.orgUnitId || null,
    themes: d.themes,
    anonymous: d.anonymous,
    ...kindFields(d),
  });

  const draftSaved = useDraftSaved();
  /** Creates or updates the draft; answers the saved idea. */
  async function save(): Promise<IdeaDto> {
    const saved = idea
      ? await update.mutateAsync({ path: { id: idea.id }, body: { version: idea.version, ...common(draft) } })
      : await create.mutateAsync({ body: { kind: draft.kind, campaignId: campaignId ?? null, ...common(draft) } });
    setIdea(saved);
    draftSaved(saved);
    return saved;
  }

  const onSave = async () => {
    setError(null);
    setNotice(null);
    try {
      const saved = await save();
      setNotice(s.form.saved);
      if (!initial) void navigate(`/ideas/${saved.id}/edit`, { replace: true, state: { notice: s.form.saved } });
    } catch (e) {
      setError(e as Error);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    let saved: IdeaDto | null = null;
    try {
      saved = await save();
      const done = await submit.mutateAsync({ path: { id: saved.id }, body: { version: saved.version } });
      draftSaved(done);
      void navigate(`/ideas/${done.id}`, { state: { notice: s.form.submitted } });
    } catch (e) {
      if (!initial && saved && isApiError(e)) {
        // The draft exists now: its own address, so a reload or a second try does not create another.
        const state = { notice: s.form.savedNotSubmitted, refusal: refusalOf(e) };
        void navigate(`/ideas/${saved.id}/edit`, { replace: true, state });
        return;
      }
      setError(e as Error);
    }
  };

  const apiError = isApiError(error) ? error : null;
  const fieldError = (field: string) => {
    const found = apiError?.errorsFor(field)[0];
    return found ? fieldErrorText(s, found.code) : undefined;
  };
  /** The API field a refusal names → the label the person sees. */
  const FIELD_LABELS: Record<string, string> = {
    campaignId: s.form.campaign,
    kind: s.form.kindLegend,
    title: s.form.title,
    summary: s.form.summary,
    bodyHtml: s.form.body,
    whoSuffers: s.form.whoSuffers,
    frequency: s.form.frequency,
    expectedBenefits: s.form.expectedBenefits,
    needs: s.form.needs,
    orgUnitId: s.form.orgUnit,
    themes: s.form.themes,
  };
  const refusedFields = [...new Set((apiError?.fieldErrors ?? []).map((e) => FIELD_LABELS[e.field] ?? e.field))];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  /** A long-text field of the draft, marked required when the rules require it. */
  const longText = (
    key: 'summary' | 'whoSuffers' | 'expectedBenefits' | 'needs',
    label: string,
    rows: number,
    extra: { hint?: string; maxLength?: number } = {},
  ) => (
    <TextAreaField
      label={labelOf(label, requires(key))}
      aria-required={requires(key) || undefined}
      {...extra}
      value={draft[key]}
      rows={rows}
      onChange={(e) => set(key, e.target.value)}
      error={fieldError(key)}
    />
  );
  const kindErrorId = useId();
  const themesErrorId = useId();
  const anonymousHelpId = useId();
  const campaignErrorId = useId();

  return (
    <>
      <PageHeader title={initial ? s.form.editTitle : s.form.newTitle} lead={s.form.lead} focusOnMount={focus} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert tone="error">
          {apiError?.code === 'validation_failed'
            ? refusedFields.length > 0
              ? s.form.fixErrorsIn(refusedFields.join(', '))
              : s.form.fixErrors
            : apiError?.code === 'stale_version'
              ? s.form.stale
              : (apiError?.detail ?? s.errors.generic)}
        </Alert>
      ) : null}
      <form className="ec-idea-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {campaignId ? (
          <p className="ec-idea-form__campaign">
            {s.form.campaign} :{' '}
            <strong>{campaign.data ? campaign.data.question || campaign.data.title : campaignId}</strong>
            <FieldError id={campaignErrorId}>{fieldError('campaignId')}</FieldError>
          </p>
        ) : null}
        <fieldset
          className="ec-idea-form__kind"
          disabled={idea !== null}
          aria-describedby={fieldError('kind') ? kindErrorId : undefined}
        >
          <legend>{s.form.kindLegend}</legend>
          {(['problem', 'solution'] as const).map((kind) => (
            <label key={kind} className="ec-choice">
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set('kind', kind)}
              />{' '}
              {kind === 'problem' ? s.form.kindProblem : s.form.kindSolution}
            </label>
          ))}
          <FieldError id={kindErrorId}>{fieldError('kind')}</FieldError>
        </fieldset>
        <TextField
          label={labelOf(s.form.title, true)}
          hint={s.form.titleHint}
          value={draft.title}
          required
          maxLength={300}
          onChange={(e) => set('title', e.target.value)}
          error={fieldError('title')}
        />
        {longText('summary', s.form.summary, 3, { hint: s.form.summaryHint, maxLength: 2000 })}
        <RichTextEditor
          label={labelOf(s.form.body, requires('body'))}
          required={requires('body')}
          hint={s.form.bodyHint}
          value={draft.body}
          rows={8}
          onChange={(html) => set('body', html)}
          error={fieldError('bodyHtml')}
        />
        {draft.kind === 'problem' ? (
          <>
            {longText('whoSuffers', s.form.whoSuffers, 2)}
            <DraftSelect
              label={labelOf(s.form.frequency, requires('frequency'))}
              aria-required={requires('frequency') || undefined}
              value={draft.frequency}
              refusal={fieldError('frequency')}
              onChange={(e) => set('frequency', e.target.value as Frequency | '')}
              placeholder={s.form.frequencyNone}
              options={FREQUENCIES.map((f) => ({ value: f, label: s.frequency[f] }))}
            />
          </>
        ) : (
          <>
            {longText('expectedBenefits', s.form.expectedBenefits, 3)}
            {longText('needs', s.form.needs, 3)}
          </>
        )}
        <DraftSelect
          label={labelOf(s.form.orgUnit, requires('orgUnit'))}
          aria-required={requires('orgUnit') || undefined}
          value={draft.orgUnitId}
          refusal={fieldError('orgUnitId')}
          onChange={(e) => set('orgUnitId', e.target.value)}
          placeholder={s.form.orgUnitNone}
          options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
        />
        <fieldset className="ec-idea-form__themes" aria-describedby={fieldError('themes') ? themesErrorId : undefined}>
          <legend>{labelOf(s.form.themes, requires('themes'))}</legend>
          {themes.data && themes.data.length === 0 ? <p>{s.form.noThemes}</p> : null}
          {(themes.data ?? []).map((theme) => (
            <label key={theme.key} className="ec-choice">
              <input
                type="checkbox"
                checked={draft.themes.includes(theme.key)}
                onChange={(e) =>
                  set(
                    'themes',
                    e.target.checked ? [...draft.themes, theme.key] : draft.themes.filter((k) => k !== theme.key),
                  )
                }
              />{' '}
              {locale === 'en' ? theme.labelEn : theme.labelFr}
            </label>
          ))}
          <FieldError id={themesErrorId}>{fieldError('themes')}</FieldError>
        </fieldset>
        <div className="ec-idea-form__anonymous">
          <label className="ec-choice">
            <input
              type="checkbox"
              checked={draft.anonymous}
              aria-describedby={anonymousHelpId}
              onChange={(e) => set('anonymous', e.target.checked)}
            />{' '}
            {s.form.anonymous}
          </label>
          <p id={anonymousHelpId} className="ec-text-field__hint">
            {s.form.anonymousHelp}
          </p>
        </div>
        <div className="ec-form-actions">
          <Button variant="secondary" disabled={busy} onClick={() => void onSave()}>
            {s.form.save}
          </Button>
          <Button type="submit" disabled={busy}>
            {s.form.submit}
          </Button>
        </div>
      </form>
      {idea ? (
        <CoAuthorsPanel idea={idea} onChange={setIdea} />
      ) : (
        <p className="ec-text-field__hint">{s.coAuthors.saveFirst}</p>
      )}
    </>
  );
}

/**
 * A select of the idea form with its refusal below it, in a live region that is always there (so a
 * refusal is announced when it appears, like the form's other refusals).
 */
function DraftSelect({ refusal, ...props }: SelectFieldProps & { refusal: string | undefined }) {
  const errorId = useId();
  return (
    <>
      <SelectField
        {...props}
        aria-describedby={refusal ? errorId : undefined}
        aria-invalid={refusal ? true : undefined}
      />
      <FieldError id={errorId}>{refusal}</FieldError>
    </>
  );
}
