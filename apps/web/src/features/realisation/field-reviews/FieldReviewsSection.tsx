import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getIdeaFieldReviewsOptions, isApiError, type FieldReviewDto, type IdeaDto } from '@eclore/api-client';
import { Alert, Button, FormDialog, Panel, TextAreaField } from '@eclore/web-ui';
import { fieldMessages } from '../../../app/errors';
import { useAnswerFieldReview } from './queries';
import { useFieldReviewsText, useLocale } from './i18n';

const FOLLOWED = new Set(['follow_up', 'closed']);

/** The idea page's return to the field: each review's date and state, the answers, and "tell it" for those asked. */
export default function FieldReviewsSection({ idea }: { idea: IdeaDto }) {
  const s = useFieldReviewsText();
  const locale = useLocale();
  const reviews = useQuery({
    ...getIdeaFieldReviewsOptions({ path: { id: idea.id } }),
    enabled: FOLLOWED.has(idea.status),
  });
  const [answering, setAnswering] = useState<FieldReviewDto | null>(null);
  const [sent, setSent] = useState(false);
  if (!FOLLOWED.has(idea.status)) return null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const list = reviews.data?.reviews ?? [];

  return (
    <div id="field-reviews">
      <Panel title={s.title}>
        <p>{s.lead}</p>
        {sent ? <Alert tone="success">{s.sent}</Alert> : null}
        {reviews.isPending ? <p role="status">{s.loading}</p> : null}
        {reviews.isError ? <Alert tone="error">{s.error}</Alert> : null}
        {reviews.data && list.length === 0 ? <p>{s.empty}</p> : null}
        <ol className="ec-field-reviews">
          {list.map((r) => (
            <li key={r.id} className="ec-field-review">
              <h3>
                {s.review(r.monthsAfterGoLive)} · {s.states[r.state]}
              </h3>
              <p>{s.dueOn(date.format(new Date(r.dueAt)))}</p>
              {r.answeredAt && r.answeredBy ? (
                <>
                  <p>
                    {s.answeredBy(
                      r.answeredBy.kind === 'person' && r.answeredBy.person
                        ? `${r.answeredBy.person.givenName} ${r.answeredBy.person.familyName}`
                        : s.anAuthor,
                      date.format(new Date(r.answeredAt)),
                    )}
                  </p>
                  <dl className="ec-facts">
                    <div className="ec-facts__row">
                      <dt>{s.whatHappened}</dt>
                      <dd>{r.whatHappened}</dd>
                    </div>
                    <div className="ec-facts__row">
                      <dt>{s.unexpected}</dt>
                      <dd>{r.unexpected}</dd>
                    </div>
                    <div className="ec-facts__row">
                      <dt>{s.whoUsesIt}</dt>
                      <dd>{r.whoUsesIt}</dd>
                    </div>
                  </dl>
                </>
              ) : null}
              {r.canAnswer ? <Button onClick={() => (setSent(false), setAnswering(r))}>{s.answer}</Button> : null}
            </li>
          ))}
        </ol>
        {idea.status === 'follow_up' && reviews.data && !reviews.data.closeAllowed ? <p>{s.closeNeedsReview}</p> : null}
      </Panel>
      {answering ? (
        <AnswerDialog
          review={answering}
          onClose={() => setAnswering(null)}
          onSent={() => (setAnswering(null), setSent(true))}
        />
      ) : null}
    </div>
  );
}

function AnswerDialog({
  review,
  onClose,
  onSent,
}: {
  review: FieldReviewDto;
  onClose: () => void;
  onSent: () => void;
}) {
  const s = useFieldReviewsText();
  const [texts, setTexts] = useState({ whatHappened: '', unexpected: '', whoUsesIt: '' });
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const answer = useAnswerFieldReview();

  const onSubmit = async () => {
    setErrors(new Map());
    setFailure(null);
    try {
      await answer.mutateAsync({ path: { id: review.id }, body: texts });
      onSent();
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length)
        setErrors(fieldMessages(error, s.errors, s.errors['required']!));
      else if (isApiError(error) && error.status === 403) setFailure(s.errors['forbidden']!);
      else setFailure((isApiError(error) && error.code && s.errors[error.code]) || s.errors['generic']!);
    }
  };
  const field = (key: keyof typeof texts, label: string) => (
    <TextAreaField
      label={label}
      value={texts[key]}
      onChange={(e) => setTexts((t) => ({ ...t, [key]: e.target.value }))}
      error={errors.get(key)}
      required
      rows={4}
      maxLength={5000}
    />
  );
  return (
    <FormDialog
      open
      title={s.dialogTitle(review.monthsAfterGoLive)}
      submitLabel={s.submit}
      cancelLabel={s.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={answer.isPending}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {field('whatHappened', s.whatHappened)}
      {field('unexpected', s.unexpected)}
      {field('whoUsesIt', s.whoUsesIt)}
    </FormDialog>
  );
}
