import { expect, test, type Page } from '@playwright/test';
import { createIdea, listOrgUnits, submitIdea, type CreateIdeaInput } from '@eclore/api-client';
import { as, expectNoSeriousAxeViolation, signedInPage } from './support';

// The portfolio board (issue 5 item 7) with demo accounts no other browser test uses
// (docs/demo-accounts.md). Other tests' people do write in the same units, so nothing below expects
// an exact count of a column.

/** Creates and submits a problem through the API as the signed-in page's person; returns its id. */
async function submitProblem(
  page: Page,
  input: Pick<CreateIdeaInput, 'title' | 'orgUnitId' | 'anonymous'>,
): Promise<string> {
  const { data: created } = await createIdea({
    ...(await as(page)),
    body: {
      kind: 'problem',
      summary: 'Un irritant qui revient chaque semaine.',
      bodyHtml: '<p>Le contexte, avec des exemples de la semaine passée.</p>',
      whoSuffers: 'Les équipes',
      frequency: 'weekly',
      themes: [],
      ...input,
    },
  });
  await submitIdea({ ...(await as(page)), path: { id: created.id }, body: {} });
  return created.id;
}

async function unitId(page: Page, code: string): Promise<string> {
  const { data: units } = await listOrgUnits(await as(page));
  const unit = units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

test('the network and the committee see the ideas of their scope by stage; filters in the address bar, load more, no author', async ({
  browser,
}) => {
  test.slow();
  const token = `pf${Date.now().toString(36)}`;

  // Camille (budget service) submits eleven problems: more than one page of the "Collect" column.
  const camille = await signedInPage(browser, 'camille.lefebvre@eclore.example');
  const budget = await unitId(camille, 'DF-BUD');
  const budgetTitles: string[] = [];
  for (let i = 1; i <= 11; i += 1) {
    const title = `Budget ${token} n°${i}`;
    budgetTitles.push(title);
    await submitProblem(camille, { title, orgUnitId: budget });
  }
  // Laurent (night care unit, health direction) submits an anonymous one.
  const laurent = await signedInPage(browser, 'laurent.jaquet@eclore.example');
  const night = await unitId(laurent, 'DS-SOINS-NUIT');
  const anonymousTitle = `Nuit ${token} anonyme`;
  await submitProblem(laurent, { title: anonymousTitle, orgUnitId: night, anonymous: true });

  // Sophie, committee member for the whole organisation, opens the board from the menu.
  const sophie = await signedInPage(browser, 'sophie.bouchard@eclore.example');
  await sophie
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Portefeuille' })
    .click();
  await expect(sophie.getByRole('heading', { level: 1 })).toHaveText('Portefeuille des idées');
  await expect(sophie.getByRole('figure', { name: 'Idées par étape' })).toBeVisible();
  await expectNoSeriousAxeViolation(sophie);

  // Filter on the budget service: the filter goes into the address bar.
  await sophie.getByLabel('Entité').selectOption({ label: 'Service du budget et du contrôle de gestion' });
  await expect(sophie).toHaveURL(new RegExp(`orgUnitId=${budget}`));
  const collect = sophie.getByRole('region', { name: /^Collecte/ });
  await expect(collect.getByRole('heading', { level: 3 })).toContainText(/\(\d+ idées\)/);
  const count = Number(
    /\((\d+) idées\)/.exec((await collect.getByRole('heading', { level: 3 }).textContent()) ?? '')![1],
  );
  expect(count).toBeGreaterThanOrEqual(11);
  await expect(collect.getByRole('listitem')).toHaveCount(10);
  // "Load more" brings the next page. Other tests' people of this unit (ideas-journey.e2e.ts) may
  // submit ideas, and intake may move them on, while this runs, and a retry finds its first attempt's
  // ideas: so the column is not expected to hold an exact number, only each of Camille's once.
  const more = collect.getByRole('button', { name: 'Voir plus d’idées « Collecte »' });
  await more.click();
  await expect.poll(() => collect.getByRole('listitem').count()).toBeGreaterThan(10);
  for (const title of budgetTitles) {
    const card = collect.getByRole('link', { name: title, exact: true });
    while ((await card.count()) === 0 && (await more.isVisible())) {
      const shown = await collect.getByRole('listitem').count();
      await more.click();
      await expect.poll(() => collect.getByRole('listitem').count()).toBeGreaterThan(shown);
    }
    await expect(card).toHaveCount(1);
  }
  // Other columns are empty under this filter for what Camille sent; the waiting and ended group is collapsed.
  await expect(sophie.getByText(/^En attente et terminées/)).toBeVisible();
  await expectNoSeriousAxeViolation(sophie);

  // The filtered board survives a reload (it is the address), and a card is a keyboard-reachable link.
  await sophie.reload();
  await expect(sophie.getByLabel('Entité')).toHaveValue(budget);
  const first = sophie
    .getByRole('region', { name: /^Collecte/ })
    .getByRole('link', { name: budgetTitles[0], exact: true });
  await first.focus();
  await sophie.keyboard.press('Enter');
  await expect(sophie.getByRole('heading', { level: 1 })).toHaveText(budgetTitles[0]!);

  // Just submitted, none of them is late: the late filter leaves them out (and says so in the address).
  await sophie.goto(`/portfolio?orgUnitId=${budget}`);
  await sophie.getByLabel('Délai de réponse').selectOption({ label: 'En retard' });
  await expect(sophie).toHaveURL(/late=true/);
  await expect(sophie.getByRole('link', { name: budgetTitles[0], exact: true })).toHaveCount(0);
  await sophie.getByLabel('Délai de réponse').selectOption({ label: 'Dans les délais' });
  await expect(sophie.getByRole('link', { name: budgetTitles[0], exact: true })).toBeVisible();

  // The anonymous idea is on the board with no author anywhere on the page.
  await sophie.goto(`/portfolio?orgUnitId=${night}`);
  const nightCollect = sophie.getByRole('region', { name: /^Collecte/ });
  await expect(nightCollect.getByRole('link', { name: anonymousTitle })).toBeVisible();
  await expect(sophie.locator('main')).not.toContainText('Jaquet');

  // Nathalie, network member for the health direction only: the night idea, none of the budget ones.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await nathalie.goto(`/portfolio?orgUnitId=${night}`);
  await expect(
    nathalie.getByRole('region', { name: /^Collecte/ }).getByRole('link', { name: anonymousTitle }),
  ).toBeVisible();
  await nathalie.goto(`/portfolio?orgUnitId=${budget}`);
  await expect(nathalie.getByRole('heading', { level: 1 })).toHaveText('Portefeuille des idées');
  await expect(nathalie.getByRole('status').filter({ hasText: 'au total' })).toHaveText('0 idée au total');
  await expect(nathalie.getByRole('link', { name: new RegExp(`Budget ${token}`) })).toHaveCount(0);

  // An employee has no entry in the menu and is refused the page.
  await expect(
    camille.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Portefeuille' }),
  ).toHaveCount(0);
  await camille.goto('/portfolio');
  await expect(camille.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  for (const page of [camille, laurent, sophie, nathalie]) await page.context().close();
});
