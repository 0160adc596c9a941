import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage, submittedProblem } from './support';

// The demo seed's unanswered idea (migrations/seed/answer-time.ts), past its first-answer deadline.
const LATE_TITLE = 'Les transmissions de l’équipe de nuit se perdent entre deux services';

const region = (page: Page, name: string) => page.getByRole('region', { name });

/** No horizontal scroll: the page is no wider than the viewport. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.viewport);
}

test.describe('the personal home', () => {
  test('an employee sees the propose action, the open calls and their submitted idea with its stage and due date', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'lucas.girard@eclore.example');
    const title = `Accueil : idée déposée ${Date.now()}`;
    await submittedProblem(page, { title });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Lucas');
    // The lifecycle text describing stages the product does not have is gone.
    await expect(page.getByText('Le parcours d’une idée')).toHaveCount(0);

    const propose = page.getByRole('main').getByRole('link', { name: 'Proposer une idée', exact: true });
    await expect(propose).toBeVisible();
    const box = await propose.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    const mine = region(page, 'Mes idées');
    const line = mine.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(line).toContainText('Déposée, en vérification');
    await expect(line).toContainText('Première réponse attendue');
    await expect(region(page, 'Appels à idées ouverts')).toBeVisible();
    // Sections of roles Lucas does not hold are not there.
    await expect(region(page, 'À évaluer')).toHaveCount(0);
    await expect(region(page, 'Dernier import de l’annuaire')).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoSeriousAxeViolation(page);

    await propose.click();
    await expect(page).toHaveURL(/\/ideas\/new$/);
    await page.context().close();
  });

  test('a network member sees what awaits their review and what is late in their scope', async ({ browser }) => {
    const page = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
    await page.goto('/');
    const review = region(page, 'À évaluer');
    await expect(review).toContainText(/\d+ à évaluer, \d+ en retard/);
    await expect(review.getByRole('link', { name: 'Ouvrir ma file d’évaluation' })).toBeVisible();
    await expect(region(page, 'En retard dans mon périmètre').getByRole('link', { name: LATE_TITLE })).toBeVisible();
    await expect(region(page, 'Dernier import de l’annuaire')).toHaveCount(0);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('an HR account sees the latest directory import section', async ({ browser }) => {
    const page = await signedInPage(browser, 'martine.favre@eclore.example');
    await page.goto('/');
    const imports = region(page, 'Dernier import de l’annuaire');
    await expect(imports).toBeVisible();
    await expect(imports.getByRole('link', { name: 'Ouvrir l’annuaire' })).toBeVisible();
    await expect(region(page, 'À évaluer')).toHaveCount(0);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('a committee member sees the next session', async ({ browser }) => {
    const page = await signedInPage(browser, 'philippe.morel@eclore.example');
    await page.goto('/');
    const committee = region(page, 'Prochaine séance du comité');
    await expect(committee.getByRole('link', { name: 'Toutes les séances' })).toBeVisible();
    await expect(committee).toContainText(/à l’ordre du jour|Aucune séance/);
    await page.context().close();
  });
});
