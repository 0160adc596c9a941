import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { archiveCampaignMutation, getCampaignOptions, isApiError } from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, PageHeader, Panel } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { CampaignAnnouncement } from '../notifications/CampaignAnnouncement';
import { CampaignCriteriaLink } from '../qualification';
import { PhaseStatus, useDateFormat } from './PhaseStatus';
import { fill, useCampaignsText } from './i18n';
import './campaigns.css';
import { useCampaignArchived } from './queries';

/** One call for ideas: the question, its presentation, the phases as a timeline, and the way in. */
export default function CampaignPage() {
  const s = useCampaignsText();
  const { id = '' } = useParams();
  const campaign = useQuery(getCampaignOptions({ path: { id } }));
  useDocumentTitle(campaign.data?.title ?? s.list.title);
  const focus = useFocusHeadingOnMount();
  const date = useDateFormat();
  const [confirming, setConfirming] = useState(false);
  const archived = useCampaignArchived(id);
  const archive = useMutation({
    ...archiveCampaignMutation(),
    onSuccess: (updated) => {
      setConfirming(false);
      archived(updated);
    },
  });

  if (campaign.isPending) return <p role="status">…</p>;
  if (campaign.isError) {
    return (
      <>
        <PageHeader title={s.list.title} focusOnMount={focus} />
        <Alert tone="error">
          {isApiError(campaign.error) && campaign.error.status === 404 ? s.page.notFound : s.errors.generic}
        </Alert>
        <p>
          <Link to="/campaigns">{s.page.back}</Link>
        </p>
      </>
    );
  }
  const c = campaign.data;
  const sponsor = c.sponsor ? `${c.sponsor.givenName} ${c.sponsor.familyName}` : null;

  return (
    <>
      <PageHeader title={c.title} focusOnMount={focus} />
      <p>
        <Link to="/campaigns">{s.page.back}</Link>
      </p>
      {c.archivedAt ? <Alert tone="info">{s.page.archived}</Alert> : null}
      {archive.error ? <Alert tone="error">{s.errors.generic}</Alert> : null}
      <section aria-labelledby="campaign-question">
        <h2 id="campaign-question" className="ec-visually-hidden">
          {s.page.question}
        </h2>
        <p className="ec-campaign-question">{c.question}</p>
        <PhaseStatus campaign={c} s={s} />
        <p>
          {c.audience.length
            ? fill(s.page.audience, { units: c.audience.map((u) => u.name).join(', ') })
            : s.page.everyone}
          {sponsor ? ` · ${fill(s.page.sponsor, { name: sponsor })}` : null}
        </p>
        <div className="ec-campaign-actions">
          {c.features.submissions && c.inAudience ? (
            <Link className="ec-button ec-button--primary" to={`/ideas/new?campaign=${encodeURIComponent(c.id)}`}>
              {s.page.propose}
            </Link>
          ) : (
            <p>{s.page.submissionsClosed}</p>
          )}
          {c.canManage ? (
            <>
              <Link className="ec-button ec-button--secondary" to={`/campaigns/${c.id}/edit`}>
                {s.page.edit}
              </Link>
              {c.archivedAt ? null : (
                <Button variant="secondary" onClick={() => setConfirming(true)} disabled={archive.isPending}>
                  {s.page.archive}
                </Button>
              )}
            </>
          ) : null}
          <CampaignCriteriaLink campaignId={c.id} />
        </div>
      </section>
      {c.canManage ? <CampaignAnnouncement campaignId={c.id} archived={c.archivedAt !== null} /> : null}
      <div className="ec-grid">
        {c.descriptionHtml ? (
          <Panel title={s.page.description}>
            {/* Sanitised on the server when it was saved (allow-listed tags only). */}
            <div dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} />
          </Panel>
        ) : null}
        <Panel title={s.page.phases}>
          {c.phases.length === 0 ? (
            <p>{s.phase.noPhase}</p>
          ) : (
            <ol className="ec-campaign-timeline">
              {c.phases.map((p) => {
                const active = c.activePhase?.id === p.id;
                const open = (['submissions', 'supports', 'comments'] as const)
                  .filter((f) => p[`${f}Open`])
                  .map((f) => s.phase[f]);
                return (
                  <li key={p.id} aria-current={active ? 'step' : undefined}>
                    <span className="ec-campaign-timeline__name">{p.name}</span>
                    {active ? ` (${s.phase.active})` : null}
                    <br />
                    {fill(s.phase.range, { from: date(p.startsAt), to: date(p.endsAt) })}
                    <br />
                    <span className="ec-muted">{open.length ? open.join(', ') : s.phase.nothingOpen}</span>
                  </li>
                );
              })}
            </ol>
          )}
        </Panel>
      </div>
      {/* The wall's list of this campaign's ideas goes here (GET /api/wall?campaign=… when it exists). */}
      <Panel title={s.page.ideas}>
        <p>{s.page.ideasSoon}</p>
      </Panel>
      <ConfirmDialog
        open={confirming}
        title={s.page.archiveTitle}
        confirmLabel={s.page.archive}
        cancelLabel={s.editor.cancel}
        onConfirm={() => archive.mutate({ path: { id: c.id } })}
        onCancel={() => setConfirming(false)}
        busy={archive.isPending}
      >
        <p>{s.page.archiveBody}</p>
      </ConfirmDialog>
    </>
  );
}
