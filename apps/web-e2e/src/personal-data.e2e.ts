import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// "Download my data" (docs/personal-data.md) on a phone-sized screen: the worker builds the archive,
// the page shows its progress, then the owner-only link. And the admin's erasure dialog, which keeps
// its confirm button off until the person's full name is typed (cancelled here: the demo people are
// shared with the other browser tests).
test.describe('personal data', () => {
  test('a person downloads their data from their profile, at 390 px', async ({ browser }) => {
    // Lucas's interface is in French (Emily's profile asks for English).
    const page = await signedInPage(browser, 'lucas.girard@eclore.example');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/profile');
    const panel = page.getByRole('region', { name: 'Mes données' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /^(Télécharger mes données|Préparer un nouveau téléchargement)$/ }).click();
    const link = panel.getByRole('link', { name: 'Télécharger l’archive (.tar.gz)' });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByRole('status')).toContainText('Votre archive est prête');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^eclore-my-data-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
    // Nothing overflows sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('an admin must type the full name before the erasure can be confirmed', async ({ browser }) => {
    const admin = await signedInPage(browser, 'claire.rochat@eclore.example');
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('wilson');
    await admin.getByRole('button', { name: 'Rechercher' }).click();
    await admin.getByRole('link', { name: 'Wilson Emily' }).click();
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Emily Wilson');
    await admin.getByRole('button', { name: 'Effacer les données de cette personne' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Effacer les données personnelles de cette personne ?' });
    const confirm = dialog.getByRole('button', { name: 'Effacer', exact: true });
    await expect(confirm).toBeDisabled();
    const field = dialog.getByLabel(/Tapez le nom complet de la personne pour confirmer/);
    await field.fill('Emily');
    await expect(confirm).toBeDisabled();
    await field.fill('emily  wilson');
    await expect(confirm).toBeEnabled();
    await expectNoSeriousAxeViolation(admin);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
    await admin.context().close();
  });
});
