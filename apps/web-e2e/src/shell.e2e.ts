import { expect, test, type Page } from '@playwright/test';
import { PASSWORD } from './support';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name });

test.describe('in a French browser (fr-CH)', () => {
  test.use({ locale: 'fr-CH' });

  test('the shell is in French', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Bienvenue sur Éclore');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Éclore');
    await expect(page.getByRole('banner')).toContainText('La boîte à idées de l’intranet');
    const menu = nav(page, 'Navigation principale');
    await expect(menu.getByRole('link')).toHaveText(['Accueil']);
    await expect(menu.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    // A visitor is invited to propose an idea (the editor asks them to sign in); no static lifecycle text.
    await expect(page.getByRole('main').getByRole('link', { name: 'Proposer une idée' })).toHaveAttribute(
      'href',
      '/ideas/new',
    );
    await expect(page.getByText('Le parcours d’une idée')).toHaveCount(0);
  });

  test('the status panel shows the database and the queue up', async ({ page }) => {
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'État de la plateforme' });
    await expect(panel.getByRole('status')).toHaveText('Tous les services de la plateforme fonctionnent.');
    for (const service of ['api', 'database', 'queue']) {
      const badge = panel.locator(`[data-service="${service}"] .ec-status`);
      await expect(badge).toHaveAttribute('data-state', 'up');
      await expect(badge).toHaveText('Disponible');
    }
    await expect(panel.locator('[data-service="database"] dt')).toHaveText('Base de données');
  });

  test('the language switcher changes the language and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Éclore');
    await expect(page).toHaveTitle('Welcome to Éclore');
    await expect(nav(page, 'Main navigation').getByRole('link')).toHaveText(['Home']);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Éclore');
    await expect(page.getByLabel('Language')).toHaveValue('en');

    await page.getByLabel('Language').selectOption('fr');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Éclore');
  });

  test('the skip link is the first Tab stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab stop is inside main, past the header and the navigation.
    await page.keyboard.press('Tab');
    const insideMain = await page.evaluate(
      () => document.querySelector('main')?.contains(document.activeElement) ?? false,
    );
    expect(insideMain).toBe(true);
  });

  test('an unknown address shows the not-found page; going home focuses the new heading', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(page).toHaveTitle('Page introuvable · Éclore');
    await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
    await expect(page).toHaveURL(/\/$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Bienvenue sur Éclore');
    await expect(heading).toBeFocused();
  });
});

test.describe('in an English browser (en-CA)', () => {
  test.use({ locale: 'en-CA' });

  test('the shell is in English', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Welcome to Éclore');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Éclore');
    const menu = nav(page, 'Main navigation');
    await expect(menu.getByRole('link')).toHaveText(['Home']);
    await expect(page.getByRole('main').getByRole('link', { name: 'Propose an idea' })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');
    const panel = page.getByRole('region', { name: 'Platform status' });
    await expect(panel.locator('[data-service="database"] .ec-status')).toHaveText('Up');
  });

  test('the skip link speaks English', async ({ page }) => {
    await page.goto('/');
    // Tab before the app's first render reaches no link (it raced the render on a loaded machine).
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  });
});

test.describe('in a browser with no supported language (de-DE)', () => {
  test.use({ locale: 'de-DE' });

  test('falls back to French', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Éclore');
  });
});

test.describe('under the production Content-Security-Policy', () => {
  /**
   * Every `securitypolicyviolation` event and every console message about CSP or Permissions-Policy
   * (the api sends both on every answer, apps/api/src/security-headers.ts), collected per page.
   */
  async function watch(page: Page): Promise<() => Promise<string[]>> {
    const console: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Content-Security-Policy|Permissions[- ]Policy/i.test(msg.text()))
        console.push(msg.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    return async () => [
      ...console,
      ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
    ];
  }

  test('the built app runs with no violation, signed out and signed in, editor included', async ({ browser }) => {
    test.slow(); // a dozen pages on a shared machine
    const context = await browser.newContext({ locale: 'fr-CH' });
    const page = await context.newPage();
    const violations = await watch(page);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Éclore');
    expect(await violations()).toEqual([]);

    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill('claire.rochat@eclore.example');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('button', { name: /^(Compte :|Account:)/ })).toBeVisible();
    expect(await violations()).toEqual([]);

    for (const path of [
      '/ideas',
      '/portfolio',
      '/committee',
      '/admin/audit',
      '/admin/webhooks',
      '/directory',
      '/notifications',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await violations() }).toEqual({ path, violations: [] });
    }

    // The rich-text editor (ProseMirror) is the most likely to set inline styles or attributes.
    await page.goto('/ideas/new');
    const editor = page.locator('[contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.type('Un texte avec ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('du gras');
    await expect(editor.locator('strong')).toHaveText('du gras');
    expect({ path: '/ideas/new', violations: await violations() }).toEqual({ path: '/ideas/new', violations: [] });

    // An idea's page (rich text rendered from the server's sanitised HTML).
    await page.goto('/ideas');
    await page.locator('main a[href^="/ideas/"]').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect({ path: page.url(), violations: await violations() }).toEqual({ path: page.url(), violations: [] });
    await context.close();
  });
});
