import { useQuery } from '@tanstack/react-query';
import { verifyAuditChainOptions } from '@eclore/api-client';
import { Alert, Button } from '@eclore/web-ui';
import { problemMessage } from '../../app/errors';
import { useAppText } from '../../app/i18n';
import { useAdminText } from './i18n';

/** "Verify the chain": recomputes the audit log's hash chain on demand (it reads the whole log). */
export function AuditChainCheck() {
  const app = useAppText();
  const text = useAdminText();
  const check = useQuery({ ...verifyAuditChainOptions(), enabled: false, gcTime: 0 });
  const verdict = check.data;
  return (
    <div className="ec-form-row">
      <Button variant="secondary" disabled={check.isFetching} onClick={() => void check.refetch()}>
        {check.isFetching ? text.audit.chain.verifying : text.audit.chain.verify}
      </Button>
      {check.isError ? <Alert tone="error">{problemMessage(app.problems, check.error)}</Alert> : null}
      {verdict && !check.isFetching ? (
        verdict.ok ? (
          <Alert tone="success">{text.audit.chain.ok({ count: verdict.entries })}</Alert>
        ) : (
          <Alert tone="error">
            {verdict.brokenAt?.id
              ? text.audit.chain.brokenAt({ id: verdict.brokenAt.id, count: verdict.entries })
              : text.audit.chain.cut({ count: verdict.entries })}{' '}
            {text.audit.chain.reasons[verdict.brokenAt?.reason ?? 'link_broken']}
          </Alert>
        )
      ) : null}
    </div>
  );
}
