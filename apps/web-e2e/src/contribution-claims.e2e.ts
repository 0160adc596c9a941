import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage, submittedProblem } from './support';

// Claiming one's anonymous contributions through the anonymity guardian (docs/recognition.md §1).
test('a person asks to be named on their anonymous idea; the guardian, not seeing who, grants it', async ({
  browser,
}) => {
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  const title = `À nommer plus tard ${Date.now()}`;
  const draft = await submittedProblem(lucas, { title, anonymous: true });

  const claims = lucas.getByTestId('contribution-claims');
  const idea = claims.getByTestId('claimable-idea').and(lucas.locator(`[data-idea="${draft.id}"]`));
  // The worker records the anonymous authorship a moment later: reload until it is there.
  await expect(async () => {
    await lucas.goto('/profile');
    await expect(idea).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await idea.getByRole('button', { name: 'Demander à être nommé·e' }).click();
  const confirm = lucas.getByRole('dialog', { name: 'Être nommé·e sur cette idée ?' });
  await expect(confirm).toContainText(title);
  await confirm.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(idea).toContainText('Demande en attente du tiers de confiance.');
  await expectNoSeriousAxeViolation(lucas);

  // The guardian's page: the idea, not the person.
  const guardian = await signedInPage(browser, 'helene.dubois@eclore.example');
  await guardian.getByRole('link', { name: 'Demandes de levée d’anonymat' }).click();
  await expect(guardian.getByRole('heading', { level: 1 })).toHaveText(
    'Demandes de levée d’anonymat des contributions',
  );
  const row = guardian.getByTestId('pending-claim').and(guardian.locator(`[data-idea="${draft.id}"]`));
  await expect(row).toContainText(title);
  await expect(row).toContainText('Auteur');
  await expect(guardian.getByRole('main')).not.toContainText('Girard');
  await guardian.setViewportSize({ width: 390, height: 844 });
  expect(await guardian.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAxeViolation(guardian);
  await row.getByRole('button', { name: 'Accorder' }).click();
  await guardian
    .getByRole('dialog', { name: 'Accorder la demande ?' })
    .getByRole('button', { name: 'Accorder' })
    .click();
  await expect(row).toHaveCount(0);

  // Back on the profile: named, and the ledger row is in their name.
  await lucas.goto('/profile');
  await expect(claims.getByTestId('claimed-idea').and(lucas.locator(`[data-idea="${draft.id}"]`))).toContainText(
    'vous y êtes nommé·e',
  );
  await expect(lucas.getByTestId('contribution-row').filter({ hasText: title })).toContainText('À votre nom');
  for (const page of [lucas, guardian]) await page.context().close();
});
