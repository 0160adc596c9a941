import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage, submittedProblem } from './support';

// "My contributions" on the profile (docs/recognition.md §1): an idea submitted anonymously is
// recorded by the worker's ledger and shown to its author alone, marked anonymous, at 390 px.
test.describe('my contributions', () => {
  test('a person finds their anonymous authorship on their profile, at 390 px', async ({ browser }) => {
    // Lucas's interface is in French.
    const page = await signedInPage(browser, 'lucas.girard@eclore.example');
    const title = `Contribution anonyme ${Date.now()}`;
    const draft = await submittedProblem(page, { title, anonymous: true });

    await page.setViewportSize({ width: 390, height: 844 });
    const panel = page.getByRole('region', { name: 'Mes contributions' });
    const row = panel.getByTestId('contribution-row').filter({ hasText: title });
    // The worker records the submission a moment later: reload until it is there.
    await expect(async () => {
      await page.goto('/profile');
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('Auteur');
    await expect(row).toContainText('Anonyme (visible par vous seul·e)');
    await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `/ideas/${draft.id}`);
    await expect(panel.getByTestId('contribution-totals')).toContainText('Auteur');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });
});
