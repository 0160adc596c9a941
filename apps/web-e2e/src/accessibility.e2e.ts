import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** Every route of the shell (the not-found page stands for any unknown address). */
const ROUTES = [
  { path: '/', heading: { fr: 'Bienvenue sur Éclore', en: 'Welcome to Éclore' } },
  { path: '/page-inexistante', heading: { fr: 'Page introuvable', en: 'Page not found' } },
] as const;

for (const locale of ['fr-CH', 'en-CA'] as const) {
  const lang = locale.startsWith('fr') ? 'fr' : 'en';
  test.describe(`accessibility (${locale})`, () => {
    test.use({ locale });

    for (const route of ROUTES) {
      test(`${route.path} has no serious or critical axe violation`, async ({ page }) => {
        await page.goto(route.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading[lang]);
        if (route.path === '/') {
          // Audit the settled page, status badges included.
          await expect(page.locator('[data-service="database"] .ec-status')).toHaveAttribute('data-state', 'up');
        }
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const blocking = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(blocking).toEqual([]);
        // The audit really ran on this page.
        expect(results.passes.length).toBeGreaterThan(0);
      });
    }
  });
}
