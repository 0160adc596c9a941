import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolation } from './support';

// Single sign-on against the real OpenID Connect provider that start-stack.mjs runs (test/oidc-provider.mjs):
// every demo person has an account there with the same e-mail, plus one stranger unknown to the directory.
// Pauline Garnier is used by no other browser test, so saving her language cannot disturb them.
const PERSON = { email: 'pauline.garnier@eclore.example', name: 'Pauline Garnier' };
const STRANGER = 'stranger@elsewhere.example';

/** From Éclore's sign-in page through the provider's login form, as a person does it. */
async function signInAtProvider(page: Page, login: string, eclore: string): Promise<void> {
  await page.getByRole('link', { name: 'Se connecter avec le compte de votre organisation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test identity provider');
  // Really at the provider, not a page of Éclore's.
  expect(new URL(page.url()).origin).not.toBe(new URL(eclore).origin);
  await page.getByLabel('E-mail or subject').fill(login);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test.describe('single sign-on (fr-CH)', () => {
  test.use({ locale: 'fr-CH' });

  test('an employee signs in with their organisation account, switches to English, and signs out', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fprofile$/);
    await expect(page.getByRole('link', { name: 'Se connecter avec le compte de votre organisation' })).toBeVisible();
    await expectNoSeriousAxeViolation(page);

    await signInAtProvider(page, PERSON.email, baseURL!);

    // Back on Éclore, signed in as the directory person with that e-mail, on the page asked for.
    await expect(page).toHaveURL(`${baseURL}/profile`);
    await expect(page.getByRole('button', { name: `Compte : ${PERSON.name}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon profil');
    await expect(page.getByRole('region', { name: 'Identité' })).toContainText(PERSON.name);

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH' && r.status() === 200,
    );
    await page.getByLabel('Langue', { exact: true }).selectOption('en');
    await saved;
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');

    // Saved to the profile: a reload (in a French browser) stays in English.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Interface language')).toHaveValue('en');

    await page.getByRole('button', { name: `Account: ${PERSON.name}` }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fprofile$/);
    // The server ended the session too.
    expect((await page.request.get('/api/session')).status()).toBe(204);
  });

  test('a person the provider knows but the directory does not is told why, and stays signed out', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/sign-in');
    await signInAtProvider(page, STRANGER, baseURL!);

    await expect(page).toHaveURL(/\/sign-in\?signin_error=sso_unknown_person$/);
    await expect(page.getByRole('alert')).toHaveText(
      'Votre compte d’organisation est reconnu, mais son adresse e-mail ne figure pas dans l’annuaire d’Éclore. Demandez aux ressources humaines de vous y ajouter.',
    );
    await expect(page.getByRole('button', { name: /^Compte :/ })).toHaveCount(0);
    expect((await page.request.get('/api/session')).status()).toBe(204);
    await expectNoSeriousAxeViolation(page);
  });
});
