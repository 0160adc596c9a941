import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
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

/**
 * Opens `path` within the running app, as a tap on a link does (the router's own navigation, no new
 * start of the app), and waits for the new screen's level-1 heading. Loading the whole app again for
 * each screen of a sweep (every route as every role) was most of such a test's time. The heading of
 * the screen left is marked, so the one awaited is the new screen's.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    if (window.location.pathname + window.location.search === to) return;
    document.querySelector('h1')?.setAttribute('data-left', '');
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(path);
  await expect(page.locator('h1:not([data-left])'), `${path} shows its heading`).toBeVisible();
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
 * `author` writes a problem (in their own unit unless `input` says otherwise) and submits it.
 * Returns the submitted idea.
 */
export async function submittedProblem(author: Page, input: Omit<CreateIdeaInput, 'kind'>): Promise<IdeaDto> {
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
  return submitted;
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
  const submitted = await submittedProblem(author, input);
  const { data: published } = await acceptIdea({
    ...(await as(network)),
    path: { id: submitted.id },
    body: { version: submitted.version },
  });
  return published;
}

/**
 * Set-up for the realisation screens: `author`'s problem published, qualified by `network` (who
 * scores it), put on a session of `committee` and decided "prototype" there (`input`: more of the
 * idea, e.g. `anonymous`). Returns the idea's id.
 */
export async function decidedPrototype(
  author: Page,
  network: Page,
  committee: Page,
  title: string,
  input: Partial<Omit<CreateIdeaInput, 'kind' | 'title'>> = {},
): Promise<string> {
  const idea = await publishedProblem(author, network, { ...input, title });
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

// ---------------------------------------------------------------------------------------------------
// The implementation project's and replication's screens, as several specs walk them (French UI).

/** On the idea page's project region: names the owner found by `search` (whose name matches `name`). */
export async function nameProjectOwner(page: Page, project: Locator, search: string, name: RegExp): Promise<void> {
  await project.getByRole('button', { name: 'Nommer le ou la responsable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Responsable de la mise en œuvre' });
  await dialog.getByLabel('Rechercher une personne').fill(search);
  await dialog.getByRole('radio', { name }).check();
  await dialog.getByRole('button', { name: 'Nommer' }).click();
  await expect(dialog).toBeHidden();
}

/** Adds a milestone through its dialog. */
export async function addMilestone(
  page: Page,
  project: Locator,
  milestone: { title: string; weight: number; dueOn: string },
): Promise<void> {
  await project.getByRole('button', { name: 'Ajouter un jalon' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau jalon' });
  await dialog.getByLabel('Intitulé').fill(milestone.title);
  await dialog.getByLabel('Poids (1 à 100)').fill(String(milestone.weight));
  await dialog.getByLabel('Échéance').fill(milestone.dueOn);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
}

/** Marks a milestone done, confirming in its dialog. */
export async function markMilestoneDone(page: Page, project: Locator, title: string): Promise<void> {
  await project.getByRole('button', { name: `Marquer fait ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: `« ${title} » est fait ?` });
  await dialog.getByRole('button', { name: 'Marquer fait' }).click();
  await expect(dialog).toBeHidden();
}

/** Goes live ("Mettre en service", confirmed); the project says since when. */
export async function goLive(page: Page, project: Locator): Promise<void> {
  await project.getByRole('button', { name: 'Mettre en service' }).click();
  await page
    .getByRole('dialog', { name: 'Mettre en service ?' })
    .getByRole('button', { name: 'Mettre en service' })
    .click();
  await expect(project).toContainText('Mise en service le');
}

/** "Adopt in my unit" on the idea page: the adopting unit and the replica's owner; answers the lineage region. */
export async function adoptInMyUnit(
  page: Page,
  input: { unit: string; ownerSearch: string; owner: RegExp },
): Promise<Locator> {
  const lineage = page.getByRole('region', { name: 'Essaimage' });
  await lineage.getByRole('button', { name: 'Adopter dans mon unité' }).click();
  const adopt = page.getByRole('dialog', { name: 'Adopter cette idée dans mon unité' });
  await adopt.getByLabel('Unité qui adopte').selectOption({ label: input.unit });
  await adopt.getByLabel('Responsable de la mise en œuvre dans l’unité').fill(input.ownerSearch);
  await adopt.getByRole('radio', { name: input.owner }).check();
  await adopt.getByRole('button', { name: 'Adopter' }).click();
  await expect(adopt).toBeHidden();
  await expect(lineage.getByTestId('lineage-by')).toContainText('Adoptée par 1 unité');
  return lineage;
}
