import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// Impact (issue 13 item 4) on the demo idea in follow-up (migrations/seed/impact.ts): Kevin Nguyen,
// who owns its implementation project, records a measurement; Nathalie Gagnon (network, health
// direction) validates it; the idea's chart and table show projected vs actual, and the Impact page
// rolls it up for the home-care service. Nobody else in the browser tests touches this idea.
const IDEA = '/ideas/5eed0000-1a4c-4000-8000-000000000001';
const INDICATOR = 'Heures de soins récupérées';

test('a measurement recorded by the owner, validated by the network, shown projected vs actual and rolled up', async ({
  browser,
}) => {
  // Two people over four screens, each checked with axe: over a minute on a loaded 2-core machine.
  test.setTimeout(240_000);
  const source = `Relevés des tournées, mois 2 (${Date.now().toString(36)})`;

  // Kevin records this month's figure on his project's indicator.
  const kevin = await signedInPage(browser, 'kevin.nguyen@eclore.example');
  await kevin.goto(IDEA);
  const impact = kevin.getByRole('region', { name: 'Impact' });
  const indicator = impact.locator('article', { has: kevin.getByRole('heading', { name: new RegExp(INDICATOR) }) });
  await expect(indicator.locator('[data-actual]')).toHaveText('400 h/an');

  // He edits the indicator (a baseline): an absurd projection is refused on its field; a measured
  // indicator keeps its category.
  await indicator.getByRole('button', { name: 'Modifier l’indicateur' }).click();
  const edit = kevin.getByRole('dialog', { name: `Modifier l’indicateur : ${INDICATOR}` });
  await expect(edit.getByLabel('Catégorie')).toBeDisabled();
  await expect(edit.getByLabel('Valeur prévue')).toHaveValue('1500');
  await edit.getByLabel('Valeur prévue').fill('1000000000000000000');
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(edit.getByText('Valeur hors des bornes de la catégorie.')).toBeVisible();
  await edit.getByLabel('Valeur prévue').fill('1500');
  await edit.getByLabel('Valeur de référence (facultative)').fill('100');
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(edit).toBeHidden();
  await expect(indicator.getByText('100 h/an')).toBeVisible();

  await indicator.getByRole('button', { name: 'Saisir une mesure' }).click();
  const dialog = kevin.getByRole('dialog', { name: `Nouvelle mesure : ${INDICATOR}` });
  // Bad input first: an absurd figure is refused on its field, nothing is recorded.
  await dialog.getByLabel('Valeur (h/an)').fill('1000000000000000000');
  await dialog.getByLabel('Source').fill(source);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Valeur hors des bornes de la catégorie.')).toBeVisible();
  await dialog.getByLabel('Valeur (h/an)').fill('620');
  await dialog.getByLabel('Fiabilité').selectOption({ label: 'Mesurée' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const pending = indicator.locator('tr[data-validated="false"]', { hasText: source });
  await expect(pending).toContainText('À valider');
  // Not validated yet: the actual value is still the last validated figure.
  await expect(indicator.locator('[data-actual]')).toHaveText('400 h/an');
  await expectNoSeriousAxeViolation(kevin);

  // Nathalie validates it from the idea page.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await nathalie.goto(IDEA);
  const seen = nathalie
    .getByRole('region', { name: 'Impact' })
    .locator('article', { has: nathalie.getByRole('heading', { name: new RegExp(INDICATOR) }) });
  const row = seen.locator('tr', { hasText: source });
  await row.getByRole('button', { name: 'Valider la mesure' }).click();
  await expect(seen.locator('tr[data-validated="true"]', { hasText: source })).toContainText('Validée');
  await expect(seen.locator('[data-actual]')).toHaveText('620 h/an');
  // The chart's text alternative says projected and actual; the table lists both measurements.
  await expect(seen.locator('figcaption')).toContainText(/prévu 1\s500 h\/an, réel 620 h\/an/);
  await expect(seen.locator('tr[data-validated="true"]')).toHaveCount(2);
  await expectNoSeriousAxeViolation(nathalie);

  // The Impact page (from the menu) rolls the figure up for the home-care service.
  await nathalie
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Impact' })
    .click();
  await expect(nathalie.getByRole('heading', { level: 1 })).toHaveText('Impact');
  const group = nathalie.getByRole('region', { name: 'Service des soins à domicile' });
  const line = group.locator('tr[data-category="staff_hours_saved"][data-unit="h/an"]');
  await expect(line).toContainText('620');
  await expect(line).toContainText('1 / 1');
  await expect(line).toContainText('Mesurée');
  await nathalie.getByLabel('Regrouper par').selectOption({ label: 'Année' });
  await expect(nathalie.getByRole('region', { name: String(new Date().getUTCFullYear()) })).toContainText('620');
  await expectNoSeriousAxeViolation(nathalie);

  // At 390 px nothing is wider than the screen.
  await nathalie.setViewportSize({ width: 390, height: 844 });
  await nathalie.getByLabel('Regrouper par').selectOption({ label: 'Unité' });
  await expect(group).toBeVisible();
  expect(await nathalie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await nathalie.goto(IDEA);
  await expect(nathalie.getByRole('region', { name: 'Impact' }).locator('[data-actual]').first()).toHaveText(
    '620 h/an',
  );
  expect(await nathalie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAxeViolation(nathalie);
});
