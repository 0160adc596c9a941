import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  acceptIdea,
  addAgendaItem,
  assignReviewer,
  createCommitteeSession,
  CSRF_HEADER,
  createIdea,
  decideAgendaItem,
  getIdeaAssignments,
  getIdeaScorecards,
  getSession,
  qualifyIdea,
  startCommitteeSession,
  startQualification,
  submitIdea,
  submitMyScorecard,
  type CreateIdeaInput,
  type IdeaDto,
  type SessionDto,
} from '@eclore/api-client';

/** Password of every demo account of the seed (docs/demo-accounts.md). */
export const PASSWORD = 'Eclore-Demo-2026!';

/** A new browser context (French locale) signed in with a demo account through the sign-in form. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-CH' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: /^(Compte :|Account:)/ })).toBeVisible();
  return page;
}

/** axe-core on the current page: no serious or critical violation of WCAG 2.2 AA and best practices. */
export async function expectNoSeriousAxeViolation(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------
// The API through the generated client (libs/api-client), as the person signed in on a page.

/** Options for any generated-client call: sent through the page's request context (its cookies). */
export interface CallOptions {
  baseUrl: string;
  fetch: typeof fetch;
  headers: Record<string, string>;
  throwOnError: true;
}

/** The page's cookie jar as a fetch function, so the generated client rides on the browser's session. */
function fetchThrough(page: Page): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const res = await page.request.fetch(request.url, {
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      ...(body ? { data: body } : {}),
    });
    const empty = res.status() === 204 || res.status() === 304;
    return new Response(empty ? null : new Uint8Array(await res.body()), {
      status: res.status(),
      headers: res.headers(),
    });
  };
}

const sessions = new WeakMap<Page, SessionDto>();

/** Who is signed in on the page (read once through the client, then remembered for the page). */
export async function sessionOf(page: Page): Promise<SessionDto> {
  const known = sessions.get(page);
  if (known) return known;
  const { data } = await getSession({ baseUrl: baseUrl(), fetch: fetchThrough(page), throwOnError: true });
  if (!data) throw new Error('the page has no session: sign in first');
  sessions.set(page, data);
  return data;
}

/** Call options for the person signed in on the page, with the session's CSRF token. */
export async function as(page: Page): Promise<CallOptions> {
  const session = await sessionOf(page);
  return {
    baseUrl: baseUrl(),
    fetch: fetchThrough(page),
    headers: { [CSRF_HEADER]: session.csrfToken },
    throwOnError: true,
  };
}

function baseUrl(): string {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error('the Playwright project has no baseURL');
  return url;
}

/**
 * Set-up the idea screens test elsewhere: `author` writes a problem and submits it, `network` (an
 * innovation network member in scope) accepts it onto the wall. Returns the published idea.
 */
export async function publishedProblem(
  author: Page,
  network: Page,
  input: Omit<CreateIdeaInput, 'kind'>,
): Promise<IdeaDto> {
  const { person } = await sessionOf(author);
  const { data: draft } = await createIdea({
    ...(await as(author)),
    body: {
      kind: 'problem',
      summary: 'Un irritant du quotidien.',
      bodyHtml: '<p>Les détails.</p>',
      whoSuffers: 'L’équipe',
      frequency: 'daily',
      orgUnitId: person.orgUnit?.id ?? null,
      ...input,
    },
  });
  const { data: submitted } = await submitIdea({
    ...(await as(author)),
    path: { id: draft.id },
    body: { version: draft.version },
  });
  const { data: published } = await acceptIdea({
    ...(await as(network)),
    path: { id: draft.id },
    body: { version: submitted.version },
  });
  return published;
}

/**
 * Set-up for the realisation screens: `author`'s problem published, qualified by `network` (who
 * scores it), put on a session of `committee` and decided "prototype" there. Returns the idea's id.
 */
export async function decidedPrototype(author: Page, network: Page, committee: Page, title: string): Promise<string> {
  const idea = await publishedProblem(author, network, { title });
  const { person: reviewer } = await sessionOf(network);
  await startQualification({ ...(await as(network)), path: { id: idea.id }, body: {} });
  const { data: routed } = await getIdeaAssignments({ ...(await as(network)), path: { id: idea.id } });
  if (!routed.assignments.some((a) => a.reviewer.id === reviewer.id && a.endedAt === null))
    await assignReviewer({ ...(await as(network)), path: { id: idea.id }, body: { personId: reviewer.id } });
  const { data: qualification } = await getIdeaScorecards({ ...(await as(network)), path: { id: idea.id } });
  await submitMyScorecard({
    ...(await as(network)),
    path: { id: idea.id },
    body: { scores: Object.fromEntries(qualification.criteria.map((c) => [c.key, 4])), comment: 'Utile, peu coûteux.' },
  });
  await qualifyIdea({ ...(await as(network)), path: { id: idea.id }, body: { answer: 'Qualifiée pour le comité.' } });
  const { person: chair } = await sessionOf(committee);
  const { data: session } = await createCommitteeSession({
    ...(await as(committee)),
    body: {
      title: `Séance prototype — ${title}`,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      language: 'fr',
      memberIds: [chair.id],
      chairId: chair.id,
    },
  });
  const { data: planned } = await addAgendaItem({
    ...(await as(committee)),
    path: { id: session.id },
    body: { ideaId: idea.id },
  });
  await startCommitteeSession({ ...(await as(committee)), path: { id: session.id } });
  await decideAgendaItem({
    ...(await as(committee)),
    path: { id: session.id, itemId: planned.agenda[0]!.id },
    body: { kind: 'prototype', rationale: 'On teste.' },
  });
  return idea.id;
}
