import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyAuditChainOptions } from '@eclore/api-client';
import { Alert, Button } from '@eclore/web-ui';
import { problemMessage } from '../../session/problem-message';

/** "Verify the chain": recomputes the audit log's hash chain on demand (it reads the whole log). */
export function AuditChainCheck() {
  const { t } = useTranslation();
  const check = useQuery({ ...verifyAuditChainOptions(), enabled: false, gcTime: 0 });
  const verdict = check.data;
  return (
    <div className="ec-form-row">
      <Button variant="secondary" disabled={check.isFetching} onClick={() => void check.refetch()}>
        {check.isFetching ? t('admin.audit.chain.verifying') : t('admin.audit.chain.verify')}
      </Button>
      {check.isError ? <Alert tone="error">{problemMessage(t, check.error)}</Alert> : null}
      {verdict && !check.isFetching ? (
        verdict.ok ? (
          <Alert tone="success">{t('admin.audit.chain.ok', { count: verdict.entries })}</Alert>
        ) : (
          <Alert tone="error">
            {verdict.brokenAt?.id
              ? t('admin.audit.chain.brokenAt', { id: verdict.brokenAt.id, count: verdict.entries })
              : t('admin.audit.chain.cut', { count: verdict.entries })}{' '}
            {t(`admin.audit.chain.reasons.${verdict.brokenAt?.reason ?? 'link_broken'}`)}
          </Alert>
        )
      ) : null}
    </div>
  );
}
