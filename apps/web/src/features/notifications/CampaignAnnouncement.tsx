import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  announceCampaignMutation,
  getCampaignAnnouncementOptions,
  getCampaignAnnouncementQueryKey,
  type CampaignAnnouncementDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useNotificationsText } from './i18n';
import { useAppText } from '../../app/i18n';

/** Still moving: notifications being written or immediate e-mails not all accepted or failed yet. */
function running(a: CampaignAnnouncementDto | undefined): boolean {
  return !!a && a.announced && !a.scheduled && (!a.completed || a.emailsSent + a.emailsFailed < a.emailsQueued);
}

/**
 * For campaign managers: the audience size, the announce button with its confirmation, then the
 * progress of the fan-out (polled) and what it did.
 */
export function CampaignAnnouncement({ campaignId, archived }: { campaignId: string; archived: boolean }) {
  const s = useNotificationsText().announce;
  const { i18n } = useTranslation();
  const app = useAppText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'now' | 'opening' | null>(null);
  const key = getCampaignAnnouncementQueryKey({ path: { id: campaignId } });
  const status = useQuery({
    ...getCampaignAnnouncementOptions({ path: { id: campaignId } }),
    refetchInterval: (q) => (running(q.state.data) ? 1500 : q.state.data?.scheduled ? 30_000 : false),
  });
  const announce = useMutation({
    ...announceCampaignMutation(),
    onSuccess: (a) => {
      setConfirming(null);
      queryClient.setQueryData(key, a);
    },
  });
  const a = status.data;
  if (status.isError) return <Alert tone="error">{problemMessage(app.problems, status.error)}</Alert>;
  if (!a) return <p role="status">{app.app.loading}</p>;
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const day = a.announcedAt ? format(a.announcedAt) : null;
  const opens = a.opensAt ? format(a.opensAt) : null;

  return (
    <Panel title={s.title}>
      {announce.isError ? <Alert tone="error">{problemMessage(app.problems, announce.error)}</Alert> : null}
      {!a.announced ? (
        <>
          <p data-testid="announce-audience">{s.lead(a.audienceSize)}</p>
          {archived ? null : (
            <div className="ec-campaign-actions">
              <Button onClick={() => setConfirming('now')} disabled={announce.isPending || a.audienceSize === 0}>
                {s.button}
              </Button>
              {opens ? (
                <Button
                  variant="secondary"
                  onClick={() => setConfirming('opening')}
                  disabled={announce.isPending || a.audienceSize === 0}
                >
                  {s.atOpening(opens)}
                </Button>
              ) : null}
            </div>
          )}
        </>
      ) : a.scheduled && day ? (
        <p role="status" data-testid="announce-scheduled">
          {s.scheduled(day)}
        </p>
      ) : (
        <div data-testid="announce-progress">
          {day ? <p>{s.announcedOn(day)}</p> : null}
          <p>
            <label htmlFor={`announce-notified-${campaignId}`}>{s.notifiedLabel}</label>{' '}
            <progress id={`announce-notified-${campaignId}`} max={Math.max(a.audienceSize, 1)} value={a.notified} />{' '}
            {s.progress(a.notified, a.audienceSize)}
          </p>
          {a.emailsQueued > 0 ? (
            <p>
              <label htmlFor={`announce-emails-${campaignId}`}>{s.emailsLabel}</label>{' '}
              <progress id={`announce-emails-${campaignId}`} max={a.emailsQueued} value={a.emailsSent} />{' '}
              {s.progress(a.emailsSent, a.emailsQueued)}
            </p>
          ) : null}
          <p role="status">{running(a) ? s.inProgress : s.done(a.notified, a.emailsSent)}</p>
          {a.emailsFailed > 0 ? <Alert tone="error">{s.failed(a.emailsFailed)}</Alert> : null}
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'opening' ? s.confirmAtOpeningTitle : s.confirmTitle}
        confirmLabel={s.confirm}
        cancelLabel={s.cancel}
        onConfirm={() => announce.mutate({ path: { id: campaignId }, body: { when: confirming ?? 'now' } })}
        onCancel={() => setConfirming(null)}
        busy={announce.isPending}
      >
        <p>
          {confirming === 'opening' && opens
            ? s.confirmAtOpeningBody(a.audienceSize, opens)
            : s.confirmBody(a.audienceSize)}
        </p>
      </ConfirmDialog>
    </Panel>
  );
}
