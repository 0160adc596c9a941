import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// The demo seed's unanswered idea (migrations/seed/answer-time.ts): submitted 40 days ago, past the
// default 30-day first-answer deadline.
const LATE_TITLE = 'Les transmissions de l’équipe de nuit se perdent entre deux services';

test.describe('answer-time guarantee', () => {
  test('an admin reads the guarantee; a reminder as long as a wait is refused under its field; saving confirms', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'claire.rochat@eclore.example');
    await page.goto('/admin');
    await page
      .getByRole('navigation', { name: 'Sections de l’administration' })
      .getByRole('link', { name: 'Délais de réponse' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Garantie de délai de réponse' })).toBeVisible();
    const firstAnswer = page.getByLabel('Première réponse (jours depuis le dépôt)');
    const reminder = page.getByLabel('Rappel (jours avant l’échéance)');
    await expect(firstAnswer).toHaveValue('30');
    await expect(page.getByLabel('Qualification (jours depuis l’entrée en qualification)')).toHaveValue('60');
    await expect(reminder).toHaveValue('5');
    await expectNoSeriousAxeViolation(page);

    await reminder.fill('30');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(
      page.getByText('Le rappel doit tomber moins de jours avant l’échéance que ne dure chacun des délais.'),
    ).toBeVisible();
    await expect(reminder).toHaveAttribute('aria-invalid', 'true');

    await reminder.fill('5');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText(/Délais enregistrés/)).toBeVisible();
    await expect(reminder).not.toHaveAttribute('aria-invalid', 'true');
    await page.context().close();
  });

  test('a scoped network member finds the late idea under En retard, and its page shows the passed due date', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'En retard' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Idées en retard' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Jours de retard par idée' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: LATE_TITLE }) });
    await expect(row).toContainText('Première réponse attendue');
    await expect(row).toContainText(/1\d jours/);
    await expectNoSeriousAxeViolation(page);

    await row.getByRole('link', { name: LATE_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: LATE_TITLE })).toBeVisible();
    const due = page.locator('.ec-due-dates');
    await expect(due.getByText('Première réponse attendue')).toBeVisible();
    await expect(due.getByText('En retard')).toBeVisible();
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });
});
