import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  grantContributionClaimMutation,
  listPendingContributionClaimsOptions,
  refuseContributionClaimMutation,
  type PendingContributionClaimDto,
} from '@eclore/api-client';
import { Alert, Button, ConfirmDialog, DataTable, FormDialog, PageHeader, TextAreaField } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useInvalidateOperations } from '../../app/queries';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { useDocumentTitle } from '../../app/use-document-title';
import { useLocale } from '../../i18n/text';
import { useClaimsText } from './claims-i18n';

/**
 * The anonymity guardian's claims (docs/recognition.md §1): pending requests to be named on one's
 * anonymous contributions to an idea, without who asks; grant (the entries are named) or refuse with
 * a reason told to the person. Both audited by the server.
 */
export default function ClaimsPage() {
  const s = useClaimsText();
  const app = useAppText();
  const locale = useLocale();
  useDocumentTitle(s.title);
  const focus = useFocusHeadingOnMount();
  const claims = useQuery(listPendingContributionClaimsOptions());
  const refresh = useInvalidateOperations(['listPendingContributionClaims']);
  const [granting, setGranting] = useState<PendingContributionClaimDto | null>(null);
  const [refusing, setRefusing] = useState<PendingContributionClaimDto | null>(null);
  const [reason, setReason] = useState('');
  const grant = useMutation({ ...grantContributionClaimMutation(), onSuccess: () => refresh() });
  const refuse = useMutation({
    ...refuseContributionClaimMutation(),
    onSuccess: () => {
      setRefusing(null);
      setReason('');
      return refresh();
    },
  });
  const failed = grant.error ?? refuse.error;
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <>
      <PageHeader title={s.title} lead={s.lead} focusOnMount={focus} />
      {claims.isPending ? <p role="status">{s.loading}</p> : null}
      {claims.isError ? <Alert tone="error">{problemMessage(app.problems, claims.error)}</Alert> : null}
      {failed && !refusing ? <Alert tone="error">{problemMessage(app.problems, failed, s.problems)}</Alert> : null}
      {grant.isSuccess || refuse.isSuccess ? <p role="status">{s.decided}</p> : null}
      {claims.data ? (
        <DataTable<PendingContributionClaimDto>
          caption={s.table}
          narrow="list"
          rows={claims.data}
          rowKey={(c) => c.id}
          empty={s.empty}
          rowData={(c) => ({ 'data-testid': 'pending-claim', 'data-idea': c.ideaId })}
          columns={[
            {
              key: 'idea',
              header: s.idea,
              rowHeader: true,
              cell: (c) => (
                <>
                  <Link to={`/ideas/${c.ideaId}`}>{c.ideaTitle}</Link>
                  {c.ideaAnonymous ? ` (${s.stillAnonymous})` : null}
                </>
              ),
            },
            {
              key: 'entries',
              header: s.entries,
              cell: (c) => `${c.entries} — ${c.kinds.map((k) => s.kinds[k]).join(', ')}`,
            },
            { key: 'requested', header: s.requested, cell: (c) => day(c.requestedAt) },
            {
              key: 'actions',
              header: s.actions,
              cell: (c) => (
                <span className="ec-claims__actions">
                  <Button onClick={() => setGranting(c)}>{s.grant}</Button>{' '}
                  <Button variant="secondary" onClick={() => setRefusing(c)}>
                    {s.refuse}
                  </Button>
                </span>
              ),
            },
          ]}
        />
      ) : null}
      <ConfirmDialog
        open={granting !== null}
        busy={grant.isPending}
        title={s.grantTitle}
        confirmLabel={s.grant}
        cancelLabel={s.cancel}
        onCancel={() => setGranting(null)}
        onConfirm={() => {
          if (granting) grant.mutate({ path: { id: granting.id } });
          setGranting(null);
        }}
      >
        <p>{granting ? s.grantBody(granting.ideaTitle) : null}</p>
      </ConfirmDialog>
      {refusing ? (
        <FormDialog
          open
          busy={refuse.isPending}
          title={s.refuseTitle}
          submitLabel={s.refuse}
          cancelLabel={s.cancel}
          onCancel={() => {
            setRefusing(null);
            refuse.reset();
          }}
          onSubmit={() => refuse.mutate({ path: { id: refusing.id }, body: { reason } })}
        >
          {refuse.isError ? <Alert tone="error">{problemMessage(app.problems, refuse.error, s.problems)}</Alert> : null}
          <TextAreaField
            label={s.reason}
            value={reason}
            required
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormDialog>
      ) : null}
    </>
  );
}
