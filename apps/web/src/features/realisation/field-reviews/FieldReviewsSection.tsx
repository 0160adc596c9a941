import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getIdeaFieldReviewsOptions, type FieldReviewDto, type IdeaDto } from '@eclore/api-client';
import { Alert, Button, Facts, Panel, TextAreaField } from '@eclore/web-ui';
import { ApiFormDialog, useApiForm, type FormDialogEvents } from '../../../app/api-form';
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
                  <Facts
                    facts={[
                      { term: s.whatHappened, value: r.whatHappened },
                      { term: s.unexpected, value: r.unexpected },
                      { term: s.whoUsesIt, value: r.whoUsesIt },
                    ]}
                  />
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
          onDone={() => (setAnswering(null), setSent(true))}
        />
      ) : null}
    </div>
  );
}

function AnswerDialog({ review, onClose, onDone }: { review: FieldReviewDto } & FormDialogEvents) {
  const s = useFieldReviewsText();
  const { values, failure, submit, field } = useApiForm(s.errors, {
    whatHappened: '',
    unexpected: '',
    whoUsesIt: '',
  });
  const answer = useAnswerFieldReview();

  const onSubmit = () =>
    submit(async () => {
      await answer.mutateAsync({ path: { id: review.id }, body: values });
      onDone();
    });
  const answerField = (key: keyof typeof values, label: string) => (
    <TextAreaField label={label} {...field(key)} required rows={4} maxLength={5000} />
  );
  return (
    <ApiFormDialog
      failure={failure}
      title={s.dialogTitle(review.monthsAfterGoLive)}
      submitLabel={s.submit}
      cancelLabel={s.cancel}
      onSubmit={() => void onSubmit()}
      onCancel={onClose}
      busy={answer.isPending}
    >
      {answerField('whatHappened', s.whatHappened)}
      {answerField('unexpected', s.unexpected)}
      {answerField('whoUsesIt', s.whoUsesIt)}
    </ApiFormDialog>
  );
}
