import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  getCampaignCriteriaSetOptions,
  getCampaignCriteriaSetQueryKey,
  getCampaignOptions,
  getDefaultCriteriaSetOptions,
  getDefaultCriteriaSetQueryKey,
  resetCampaignCriteriaSetMutation,
  saveCampaignCriteriaSetMutation,
  saveDefaultCriteriaSetMutation,
  type CriteriaSetDto,
  type CriterionDto,
} from '@eclore/api-client';
import { CRITERION_AXES, SCORE_LEVELS, SUPPORTED_LOCALES, type Locale } from '@eclore/domain';
import { Alert, Button, optionsOf, PageHeader, SelectField, TextAreaField, TextField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { fieldErrors, useLocale, useQualificationText } from './i18n';
import './qualification.css';
import { describeError } from '../../app/errors';

/** A criterion's label and description are written in each language; the editor's words name it. */
const LANGUAGE_SUFFIX = { fr: 'Fr', en: 'En' } as const satisfies Record<Locale, string>;

const blankCriterion = (): CriterionDto => ({
  key: '',
  label: { fr: '', en: '' },
  description: { fr: '', en: '' },
  weight: 1,
  axis: 'value',
  levels: SCORE_LEVELS.map(() => ({ fr: '', en: '' })) as CriterionDto['levels'],
});

/**
 * The criteria-set editor: the organisation's default (route /criteria) or a campaign's own set
 * (route /campaigns/:id/criteria). Read-only for those who may read but not manage it.
 */
export default function CriteriaSetPage() {
  const { id } = useParams();
  return id ? <CampaignCriteria campaignId={id} /> : <DefaultCriteria />;
}

function DefaultCriteria() {
  const s = useQualificationText();
  const set = useQuery(getDefaultCriteriaSetOptions());
  const save = useMutation(saveDefaultCriteriaSetMutation());
  return (
    <Editor
      title={s.editor.titleDefault}
      set={set.data}
      failed={set.isError}
      queryKey={getDefaultCriteriaSetQueryKey()}
      save={(criteria, version) => save.mutateAsync({ body: { criteria, version } })}
    />
  );
}

function CampaignCriteria({ campaignId }: { campaignId: string }) {
  const s = useQualificationText();
  const campaign = useQuery(getCampaignOptions({ path: { id: campaignId } }));
  const set = useQuery(getCampaignCriteriaSetOptions({ path: { id: campaignId } }));
  const save = useMutation(saveCampaignCriteriaSetMutation());
  const reset = useMutation(resetCampaignCriteriaSetMutation());
  return (
    <Editor
      title={s.editor.titleCampaign(campaign.data?.title ?? '…')}
      set={set.data}
      failed={set.isError}
      queryKey={getCampaignCriteriaSetQueryKey({ path: { id: campaignId } })}
      save={(criteria, version) => save.mutateAsync({ path: { id: campaignId }, body: { criteria, version } })}
      reset={() => reset.mutateAsync({ path: { id: campaignId } })}
      back={`/campaigns/${campaignId}`}
    />
  );
}

function Editor({
  title,
  set,
  failed,
  queryKey,
  save,
  reset,
  back,
}: {
  title: string;
  set: CriteriaSetDto | undefined;
  failed: boolean;
  queryKey: QueryKey;
  save: (criteria: CriterionDto[], version: number) => Promise<CriteriaSetDto>;
  reset?: () => Promise<CriteriaSetDto>;
  back?: string;
}) {
  const s = useQualificationText();
  const locale = useLocale();
  const focus = useFocusHeadingOnMount();
  useDocumentTitle(title);
  const queryClient = useQueryClient();
  const [criteria, setCriteria] = useState<CriterionDto[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (set && criteria === null) setCriteria(set.criteria.map((c) => ({ ...c, levels: [...c.levels] })));
  }, [set, criteria]);
  if (failed) return <Alert tone="error">{s.errors.generic}</Alert>;
  if (!set || !criteria) return <p role="status">…</p>;
  const editable = set.canManage;
  const fields = error ? fieldErrors(s, error) : {};
  const update = (i: number, change: Partial<CriterionDto>) =>
    setCriteria((prev) => prev!.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const run = async (action: () => Promise<CriteriaSetDto>, message: string) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const next = await action();
      queryClient.setQueryData(queryKey, next);
      setCriteria(next.criteria.map((c) => ({ ...c, levels: [...c.levels] })));
      setNotice(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => save(criteria, set.version), s.editor.saved);
  };
  return (
    <section className="ec-criteria-editor">
      <PageHeader title={title} lead={s.editor.lead} focusOnMount={focus} />
      <p className="ec-form-actions">
        {back ? <Link to={back}>{s.editor.back}</Link> : null}
        {back ? <Link to="/criteria">{s.editor.defaultLink}</Link> : null}
      </p>
      {set.campaignId && set.source !== 'campaign' ? <Alert tone="info">{s.editor.inherited}</Alert> : null}
      {!editable ? <Alert tone="info">{s.editor.readOnly}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{describeError(s.errors, error, 'field_on_validation')}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!editable || busy} className="ec-criteria-editor__fields">
          {criteria.map((c, i) => {
            const at = `criteria.${i}`;
            const name = c.label[locale] || s.editor.criterion(i + 1);
            return (
              <fieldset key={i} className="ec-criteria-editor__criterion">
                <legend>{`${s.editor.criterion(i + 1)} — ${name}`}</legend>
                <div className="ec-criteria-editor__grid">
                  <TextField
                    label={s.editor.key}
                    hint={s.editor.keyHint}
                    value={c.key}
                    error={fields[`${at}.key`]}
                    onChange={(e) => update(i, { key: e.target.value })}
                  />
                  <TextField
                    label={s.editor.weight}
                    type="number"
                    min={0.1}
                    step={0.5}
                    value={String(c.weight)}
                    error={fields[`${at}.weight`]}
                    onChange={(e) => update(i, { weight: Number(e.target.value) })}
                  />
                  <SelectField
                    label={s.editor.axis}
                    value={c.axis}
                    onChange={(e) => update(i, { axis: e.target.value as CriterionDto['axis'] })}
                    options={optionsOf(CRITERION_AXES, s.editor.axes)}
                  />
                  {SUPPORTED_LOCALES.map((l) => (
                    <TextField
                      key={l}
                      label={s.editor[`label${LANGUAGE_SUFFIX[l]}`]}
                      value={c.label[l]}
                      error={fields[`${at}.label.${l}`]}
                      onChange={(e) => update(i, { label: { ...c.label, [l]: e.target.value } })}
                    />
                  ))}
                </div>
                <div className="ec-criteria-editor__grid">
                  {SUPPORTED_LOCALES.map((l) => (
                    <TextAreaField
                      key={l}
                      label={s.editor[`description${LANGUAGE_SUFFIX[l]}`]}
                      rows={2}
                      value={c.description[l]}
                      error={fields[`${at}.description.${l}`]}
                      onChange={(e) => update(i, { description: { ...c.description, [l]: e.target.value } })}
                    />
                  ))}
                </div>
                {fields[`${at}.levels`] ? <Alert tone="error">{fields[`${at}.levels`]}</Alert> : null}
                {c.levels.map((level, j) => (
                  <div key={j} className="ec-criteria-editor__grid">
                    {(['fr', 'en'] as const).map((lang) => (
                      <TextField
                        key={lang}
                        label={lang === 'fr' ? s.editor.levelFr(j + 1) : s.editor.levelEn(j + 1)}
                        value={level[lang]}
                        error={fields[`${at}.levels.${j}.${lang}`]}
                        onChange={(e) =>
                          update(i, {
                            levels: c.levels.map((l, k) =>
                              k === j ? { ...l, [lang]: e.target.value } : l,
                            ) as CriterionDto['levels'],
                          })
                        }
                      />
                    ))}
                  </div>
                ))}
                <div>
                  <Button variant="secondary" onClick={() => setCriteria((prev) => prev!.filter((_, k) => k !== i))}>
                    {s.editor.remove(name)}
                  </Button>
                </div>
              </fieldset>
            );
          })}
          {fields['criteria'] ? <Alert tone="error">{fields['criteria']}</Alert> : null}
          <div className="ec-form-actions">
            <Button variant="secondary" onClick={() => setCriteria((prev) => [...prev!, blankCriterion()])}>
              {s.editor.add}
            </Button>
            <Button type="submit">{s.editor.save}</Button>
            {reset && set.source === 'campaign' ? (
              <Button variant="secondary" onClick={() => void run(reset, s.editor.resetDone)}>
                {s.editor.reset}
              </Button>
            ) : null}
          </div>
        </fieldset>
      </form>
    </section>
  );
}
