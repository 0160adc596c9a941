import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { getSignInMethodsOptions, isApiError, loginMutation } from '@eclore/api-client';
import { Alert, Button, PageHeader, Panel, TextField } from '@eclore/web-ui';
import { useDocumentTitle } from '../../app/use-document-title';
import { useFocusHeadingOnMount } from '../../app/route-focus';
import { problemMessage } from '../../app/errors';
import { safeReturnTo, sessionQueryOptions, useSession } from '../../session/session';
import { useAppText } from '../../app/i18n';
import { useAuthText } from './i18n';

const FORM_ERRORS = new Set(['invalid_credentials', 'rate_limited']);
const SSO_CODES = new Set([
  'sso_unknown_person',
  'sso_email_unverified',
  'sso_inactive',
  'sso_account_conflict',
  'sso_expired',
  'sso_disabled',
] as const);
type SsoCode = typeof SSO_CODES extends Set<infer C> ? C : never;
const isSsoCode = (code: string | null): code is SsoCode => SSO_CODES.has(code as SsoCode);

export default function SignInPage() {
  const app = useAppText();
  const text = useAuthText();
  useDocumentTitle(text.title);
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const methods = useQuery({ ...getSignInMethodsOptions(), staleTime: 5 * 60_000 });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  const login = useMutation({
    ...loginMutation(),
    onSuccess: async () => {
      // The new session (person, roles, CSRF token) before leaving: the next page renders for them.
      await queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 }).catch(() => undefined);
      void navigate(returnTo, { replace: true });
    },
  });

  const focus = useFocusHeadingOnMount();
  if (session.status === 'signedIn' && !login.isPending && !login.isSuccess) return <Navigate to={returnTo} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { email: email.trim() === '', password: password === '' };
    setMissing(next);
    if (next.email || next.password) return;
    login.mutate({ body: { email: email.trim(), password } });
  };

  const error = login.error;
  const errorText = error
    ? isApiError(error) && FORM_ERRORS.has(error.code)
      ? text.errors[error.code as 'invalid_credentials' | 'rate_limited']
      : problemMessage(app.problems, error)
    : null;
  const oidcHref = `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;
  const ssoError = params.get('signin_error');

  return (
    <>
      <PageHeader title={text.title} lead={text.lead} focusOnMount={focus} />
      <Panel title={text.signIn} className="ec-sign-in">
        {ssoError ? (
          <Alert tone="error">
            {isSsoCode(ssoError) ? text.errors.ssoCodes[ssoError] : text.errors.sso}
          </Alert>
        ) : null}
        {methods.data?.oidc ? (
          <>
            <p>
              <a className="ec-button ec-button--primary" href={oidcHref}>
                {text.sso}
              </a>
            </p>
            <p>{text.or}</p>
          </>
        ) : null}
        {errorText ? <Alert tone="error">{errorText}</Alert> : null}
        <form noValidate onSubmit={onSubmit} aria-busy={login.isPending}>
          <TextField
            label={text.email}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={missing.email ? text.errors.emailRequired : undefined}
          />
          <TextField
            label={text.password}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={missing.password ? text.errors.passwordRequired : undefined}
          />
          <Button type="submit" disabled={login.isPending}>
            {login.isPending ? text.submitting : text.submit}
          </Button>
        </form>
      </Panel>
    </>
  );
}
