import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  approveRoleRequestMutation,
  listRoleRequestsOptions,
  rejectRoleRequestMutation,
  type RoleGrantRequestDto,
} from '@eclore/api-client';
import { can } from '@eclore/domain';
import { Alert, Button, Panel } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useSession } from '../../session/session';
import { useAppText } from '../../app/i18n';
import { useAdminText } from './i18n';
import { useRoleRequestsChanged } from './queries';

/**
 * Grants waiting for a second admin (the anonymity guardian): who would receive which role, who asked.
 * Another admin approves or declines; the one who asked (or the grantee) may only withdraw it.
 */
export function PendingGrants() {
  const { i18n } = useTranslation();
  const app = useAppText();
  const text = useAdminText();
  const { actor } = useSession();
  const requests = useQuery(listRoleRequestsOptions());
  const requestsChanged = useRoleRequestsChanged();
  const refresh = () => void requestsChanged();
  const approve = useMutation({ ...approveRoleRequestMutation(), onSuccess: refresh });
  const reject = useMutation({ ...rejectRoleRequestMutation(), onSuccess: refresh });
  const items = requests.data?.items ?? [];
  if (requests.isPending || (items.length === 0 && !requests.isError)) return null;
  const error = requests.error ?? approve.error ?? reject.error;
  const name = (p: RoleGrantRequestDto['person']) => `${p.givenName} ${p.familyName}`;
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(iso));
  const busy = approve.isPending || reject.isPending;

  return (
    <Panel title={text.pendingGrants.title}>
      <p>{text.pendingGrants.lead}</p>
      {error ? <Alert tone="error">{problemMessage(app.problems, error)}</Alert> : null}
      <ul className="ec-pending-grants">
        {items.map((r) => {
          const mayApprove = can(actor, 'role.approve', {
            subjectPersonId: r.person.id,
            requestedBy: r.requestedBy.id,
          });
          const label = { name: name(r.person), role: app.roles[r.role] };
          return (
            <li key={r.id}>
              <p>
                {text.pendingGrants.item({
                  ...label,
                  requester: name(r.requestedBy),
                  date: date(r.requestedAt),
                })}
              </p>
              {mayApprove ? (
                <Button
                  disabled={busy}
                  aria-label={text.pendingGrants.approveLabel(label)}
                  onClick={() => approve.mutate({ path: { requestId: r.id } })}
                >
                  {text.pendingGrants.approve}
                </Button>
              ) : (
                <p className="ec-text-field__hint">{text.pendingGrants.waiting}</p>
              )}{' '}
              <Button
                variant="secondary"
                disabled={busy}
                aria-label={(mayApprove ? text.pendingGrants.rejectLabel : text.pendingGrants.withdrawLabel)(label)}
                onClick={() => reject.mutate({ path: { requestId: r.id } })}
              >
                {mayApprove ? text.pendingGrants.reject : text.pendingGrants.withdraw}
              </Button>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
