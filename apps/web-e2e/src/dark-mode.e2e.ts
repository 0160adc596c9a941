import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolation, openInApp, signedInPage } from './support';

// The system asks for a dark scheme: the design system's dark palette applies, and axe (colour
// contrast included) stays clean on the main pages.
test.use({ colorScheme: 'dark', locale: 'fr-CH' });

test('the public pages follow the dark system setting, with AA contrast', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The dark palette really applies (not the light one under a dark scheme).
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(20, 23, 28)');
  await expectNoSeriousAxeViolation(page);

  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expectNoSeriousAxeViolation(page);

  await page.goto('/page-inexistante');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expectNoSeriousAxeViolation(page);
});

// A network member sees the wall, the review queue, the portfolio (a chart) and the editor. Two tests
// of a few screens each: one axe pass on a screen full of demo data takes seconds on a 2-core machine.
async function darkScreens(browser: Browser, paths: readonly string[]): Promise<Page> {
  const page = await signedInPage(browser, 'julien.tremblay@eclore.example');
  for (const path of paths) {
    await openInApp(page, path);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolation(page);
  }
  return page;
}

test('the home, wall and own-ideas screens stay AA in dark mode', async ({ browser }) => {
  const page = await darkScreens(browser, ['/', '/ideas', '/my-ideas', '/review-queue']);
  await page.context().close();
});

test('the portfolio, late and notification screens and the editor stay AA in dark mode', async ({ browser }) => {
  const page = await darkScreens(browser, ['/portfolio', '/late', '/notifications']);
  // The idea editor: its toolbar draws SVG icons and keeps their names.
  await page.goto('/ideas/new');
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
  await expect(toolbar.getByRole('button', { name: 'Citation' }).locator('svg')).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Lien' }).locator('svg')).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await page.context().close();
});

test('the committee and administration screens stay AA in dark mode', async ({ browser }) => {
  const committee = await signedInPage(browser, 'philippe.morel@eclore.example');
  await committee.goto('/committee');
  await expect(committee.getByRole('heading', { level: 1 })).toBeVisible();
  await committee.waitForLoadState('networkidle');
  await expectNoSeriousAxeViolation(committee);
  await committee.context().close();

  const admin = await signedInPage(browser, 'claire.rochat@eclore.example');
  for (const path of ['/campaigns', '/directory', '/admin', '/admin/audit']) {
    await openInApp(admin, path);
    await admin.waitForLoadState('networkidle');
    await expectNoSeriousAxeViolation(admin);
  }
  await admin.context().close();
});

test('the idea page with its scorecard, the campaign editor and a committee session stay AA in dark mode', async ({
  browser,
}) => {
  // Nathalie Gagnon reviews a seeded idea in qualification (migrations/seed/review-queue.ts): its
  // page carries the reviewers, her scorecard form and her private notes.
  const reviewer = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  // A context of its own still asks for the dark scheme (test.use applies to it).
  expect(await reviewer.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  await reviewer.goto('/review-queue');
  await reviewer
    .getByRole('tabpanel')
    .getByRole('link', { name: 'Les clés des véhicules de nuit se cherchent à chaque relève' })
    .click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reviewer.getByRole('form', { name: 'Ma grille d’évaluation' })).toBeVisible();
  await reviewer.waitForLoadState('networkidle');
  await expectNoSeriousAxeViolation(reviewer);
  await reviewer.context().close();

  // The campaign editor, new and filled with a phase (its switch and date fields).
  const network = await signedInPage(browser, 'julien.tremblay@eclore.example');
  await network.goto('/campaigns/new');
  await expect(network.getByRole('heading', { level: 1 })).toHaveText('Nouvel appel à idées');
  await network.getByRole('button', { name: 'Ajouter une phase' }).click();
  await expect(network.getByRole('group', { name: 'Phase 1' })).toBeVisible();
  await expectNoSeriousAxeViolation(network);
  await network.context().close();

  // A committee session: its agenda, pre-reading packs and prioritisation.
  const committee = await signedInPage(browser, 'philippe.morel@eclore.example');
  await committee.goto('/committee');
  await committee.getByRole('table').getByRole('link').first().click();
  await expect(committee).toHaveURL(/\/committee\/sessions\/[0-9a-f-]+$/);
  await expect(committee.getByRole('heading', { level: 1 })).toBeVisible();
  await committee.waitForLoadState('networkidle');
  await expectNoSeriousAxeViolation(committee);
  await committee.context().close();
});
