import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { declinePublicRecognitionMutation, listMyRecognitionsOptions, type MyRecognitionDto } from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useLocale } from '../../i18n/text';
import { useRecognitionText } from './i18n';
import { useMyRecognitionsChanged } from './queries';
import './recognition.css';

/**
 * "My recognitions" on the profile (docs/recognition.md §3): each recorded recognition, public or
 * private; the person may decline public recognition (for good) and download the certificate.
 */
export function MyRecognitionsPanel() {
  const app = useAppText();
  const text = useRecognitionText();
  const locale = useLocale();
  const mine = useQuery(listMyRecognitionsOptions());
  const changed = useMyRecognitionsChanged();
  const [declining, setDeclining] = useState<MyRecognitionDto | null>(null);
  const decline = useMutation({
    ...declinePublicRecognitionMutation(),
    onSuccess: async () => {
      setDeclining(null);
      await changed();
    },
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });

  return (
    <Panel title={text.mine.title}>
      <div id="recognitions">
        <p>{text.mine.lead}</p>
        {mine.isPending ? <p role="status">{app.app.loading}</p> : null}
        {mine.isError ? <Alert tone="error">{problemMessage(app.problems, mine.error)}</Alert> : null}
        {decline.isError ? (
          <Alert tone="error">{problemMessage(app.problems, decline.error, text.problems)}</Alert>
        ) : null}
        {mine.data && mine.data.length === 0 ? <p>{text.mine.empty}</p> : null}
        {mine.data && mine.data.length > 0 ? (
          <ul className="ec-recognition-list">
            {mine.data.map((r) => (
              <li key={r.id} className="ec-recognition-card" data-testid="my-recognition">
                <h3>
                  {text.forms[r.form]} — <Link to={`/ideas/${r.idea.id}`}>{r.idea.title}</Link>
                </h3>
                <p>
                  {text.milestones[r.milestone]} ·{' '}
                  <time dateTime={r.recordedAt}>{text.mine.recordedOn(date.format(new Date(r.recordedAt)))}</time> ·{' '}
                  {r.isPublic ? text.mine.public : text.mine.private}
                </p>
                <p className="ec-recognition-card__message">{r.message}</p>
                {r.anonymous ? <p>{text.mine.anonymousNote}</p> : null}
                {r.publicDeclined ? <p>{text.mine.declinedNote}</p> : null}
                <div className="ec-recognition-actions">
                  <a
                    className="ec-button ec-button--secondary"
                    href={`/api/recognitions/${r.id}/certificate.pdf`}
                    download
                  >
                    {text.mine.certificate}
                  </a>
                  {r.isPublic ? (
                    <Button variant="secondary" onClick={() => setDeclining(r)}>
                      {text.mine.decline}
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <ConfirmDialog
        open={declining !== null}
        title={text.mine.decline}
        confirmLabel={text.mine.declineYes}
        cancelLabel={text.recordDialog.cancel}
        busy={decline.isPending}
        onCancel={() => setDeclining(null)}
        onConfirm={() => declining && decline.mutate({ path: { id: declining.id } })}
      >
        <p>{text.mine.declineConfirm}</p>
      </ConfirmDialog>
    </Panel>
  );
}
