import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  listMyContributionClaimsOptions,
  requestContributionClaimMutation,
  type MyContributionDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useInvalidateOperations } from '../../app/queries';
import { useProfileText } from './i18n';

/**
 * Claiming one's anonymous contributions (docs/recognition.md §1): per idea where the person still
 * has anonymous entries, a request to be named on all of them, decided by the anonymity guardian;
 * the state of each claim (waiting, granted, refused with the guardian's reason).
 */
export function ClaimsSection({ items }: { items: readonly MyContributionDto[] }) {
  const app = useAppText();
  const text = useProfileText().claims;
  const claims = useQuery(listMyContributionClaimsOptions());
  const refresh = useInvalidateOperations(['listMyContributionClaims', 'listMyContributions']);
  const [asking, setAsking] = useState<{ ideaId: string; title: string } | null>(null);
  const request = useMutation({ ...requestContributionClaimMutation(), onSuccess: () => refresh() });

  const ideas = new Map<string, string>();
  for (const i of items) if (i.anonymous && i.claimedAt === null) ideas.set(i.ideaId, i.ideaTitle);
  const latest = new Map<string, NonNullable<typeof claims.data>[number]>();
  for (const c of claims.data ?? []) if (!latest.has(c.ideaId)) latest.set(c.ideaId, c);
  if (ideas.size === 0 && (claims.data ?? []).length === 0) return null;

  return (
    <section aria-labelledby="contribution-claims-title" className="ec-claims" data-testid="contribution-claims">
      <h3 id="contribution-claims-title">{text.title}</h3>
      <p>{text.lead}</p>
      {request.isError ? (
        <Alert tone="error">{problemMessage(app.problems, request.error, text.problems)}</Alert>
      ) : null}
      <ul className="ec-claims__list">
        {[...ideas].map(([ideaId, title]) => {
          const claim = latest.get(ideaId);
          return (
            <li key={ideaId} data-testid="claimable-idea" data-idea={ideaId}>
              <span className="ec-claims__idea">{title}</span>{' '}
              {claim?.status === 'pending' ? (
                <span>{text.pending}</span>
              ) : (
                <>
                  {claim?.status === 'refused' ? <span>{text.refused(claim.reason ?? '')} </span> : null}
                  <Button variant="secondary" onClick={() => setAsking({ ideaId, title })}>
                    {text.ask}
                  </Button>
                </>
              )}
            </li>
          );
        })}
        {(claims.data ?? [])
          .filter((c) => c.status === 'granted')
          .map((c) => (
            <li key={c.id} data-testid="claimed-idea" data-idea={c.ideaId}>
              <span className="ec-claims__idea">{c.ideaTitle}</span> {text.granted}
            </li>
          ))}
      </ul>
      <ConfirmDialog
        open={asking !== null}
        busy={request.isPending}
        title={text.confirmTitle}
        confirmLabel={text.confirm}
        cancelLabel={text.cancel}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) request.mutate({ body: { ideaId: asking.ideaId } });
          setAsking(null);
        }}
      >
        <p>{asking ? text.confirmBody(asking.title) : null}</p>
      </ConfirmDialog>
    </section>
  );
}
