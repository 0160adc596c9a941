#!/usr/bin/env node
// A real OpenID Connect provider for tests (oidc-provider 9), with one client that must use PKCE and
// accounts whose claims include email and email_verified. Logging in is one form post, no consent page:
//   GET  /interaction/:uid   an HTML form listing the accounts (usable by a browser test)
//   POST /interaction/:uid   body `login=<sub or e-mail>` signs that account in
//   PUT  /__test/accounts/:sub   JSON claims: adds or changes an account (e.g. its e-mail) while running
//
// As a module:  const idp = await startOidcProvider({ redirectUris: [...] }); idp.issuer; await idp.close();
// As a CLI:     node test/oidc-provider.mjs --redirect-uri http://127.0.0.1:3000/api/auth/oidc/callback \
//                 [--port 0] [--client-id eclore-test] [--client-secret s3cret] [--account sub:email[:unverified]]...
//               prints the issuer URL on the first line of stdout, then serves until SIGTERM/SIGINT.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const DEFAULT_CLIENT_ID = 'eclore-test';
export const DEFAULT_CLIENT_SECRET = 'eclore-test-secret-not-for-production';

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * @param {{ port?: number, host?: string, clientId?: string, clientSecret?: string, redirectUris: string[],
 *           accounts?: Record<string, { email: string, email_verified?: boolean, given_name?: string, family_name?: string }> }} options
 */
export async function startOidcProvider(options) {
  const host = options.host ?? '127.0.0.1';
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const issuer = `http://${host}:${server.address().port}`;
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE for every client, confidential ones included (S256 is the only method allowed by default).
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'name'] },
    cookies: { keys: ['eclore-test-oidc-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email_verified: true, ...accounts.get(sub) }) };
    },
    // A first-party client: consent is implied (no consent page).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // Keep the test output quiet: oidc-provider reports refused requests (the tests cause some) as errors.
  provider.on('server_error', () => undefined);
  const callback = provider.callback();

  const loginPage = (uid, error) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">E-mail or subject</label> <input id="login" name="login" autocomplete="off"> <button type="submit">Sign in</button>
</form><ul>${[...accounts].map(([sub, c]) => `<li><form method="post" action="/interaction/${escape(uid)}"><input type="hidden" name="login" value="${escape(sub)}"><button type="submit">${escape(c.email)}</button></form></li>`).join('')}</ul>
</body></html>`;

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', issuer);
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      const account = /^\/__test\/accounts\/([^/]+)$/.exec(url.pathname);
      if (interaction && req.method === 'GET') {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
      } else if (interaction && req.method === 'POST') {
        const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
        const details = await provider.interactionDetails(req, res);
        const sub = accounts.has(login)
          ? login
          : [...accounts].find(([, c]) => c.email.toLowerCase() === login.toLowerCase())?.[0];
        if (!sub) {
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(loginPage(details.uid, `No account ${login}`));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
      } else if (account && req.method === 'PUT') {
        accounts.set(decodeURIComponent(account[1]), JSON.parse(await readBody(req)));
        res.writeHead(204).end();
      } else {
        callback(req, res);
      }
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(err?.message ?? err));
    }
  });

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, claims) => void accounts.set(sub, claims),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const out = { redirectUris: [], accounts: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--redirect-uri') out.redirectUris.push(value);
    else if (flag === '--port') out.port = Number(value);
    else if (flag === '--host') out.host = value;
    else if (flag === '--client-id') out.clientId = value;
    else if (flag === '--client-secret') out.clientSecret = value;
    else if (flag === '--account') {
      const [sub, email, unverified] = value.split(':');
      out.accounts[sub] = { email, email_verified: unverified !== 'unverified' };
    } else throw new Error(`unknown argument ${flag}`);
    i += 1;
  }
  if (!out.redirectUris.length) throw new Error('--redirect-uri is required');
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const idp = await startOidcProvider(parseArgs(process.argv.slice(2)));
  process.stdout.write(`${idp.issuer}\n`);
  const stop = () => idp.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
