import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { publishedProblem, signedInPage } from './support';

test('the wall shows a published idea, and an accent-less search finds it', async ({ browser }) => {
  // A word of its own, so the search finds this idea and no other.
  const token = `zx${Date.now().toString(36)}`;
  const title = `Réservation des vélos de service ${token}`;

  // Set-up through the API: Lucas submits a problem, Julien (innovation network) accepts it onto the wall.
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const draft = await publishedProblem(lucas, julien, {
    title,
    summary: 'Il faut appeler l’accueil pour réserver un vélo.',
    bodyHtml: '<p>Personne ne répond après 17 h.</p>',
    whoSuffers: 'Les agents qui se déplacent en ville',
    frequency: 'weekly',
  });

  // Aurélie opens the wall from the menu: the newest idea is there, as a card with its kind and stage.
  const aurelie = await signedInPage(browser, 'aurelie.monnier@eclore.example');
  await aurelie
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Idées', exact: true })
    .click();
  await expect(aurelie.getByRole('heading', { level: 1 })).toHaveText('Le mur des idées');
  const card = aurelie.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Problème');
  await expect(card).toContainText('Rendue visible');

  // She types without accents; the search ignores them and the plural; the address keeps the search.
  await aurelie.getByRole('searchbox', { name: 'Rechercher' }).fill(`reservation velo ${token}`);
  await aurelie.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(aurelie).toHaveURL(new RegExp(`[?&]q=reservation\\+velo\\+${token}`));
  const results = aurelie.getByRole('list', { name: 'Idées' });
  await expect(results.getByRole('article')).toHaveCount(1);
  await expect(results.getByRole('article', { name: title })).toBeVisible();
  await expect(aurelie.getByLabel('Trier par')).toHaveValue('relevance');

  // A filter that excludes it shows the empty state.
  await aurelie.getByLabel('Type').selectOption('solution');
  await expect(aurelie.getByText('Aucune idée ne correspond à cette recherche ou à ces filtres.')).toBeVisible();
  await expect(aurelie).toHaveURL(/kind=solution/);

  const axe = await new AxeBuilder({ page: aurelie })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);

  // The card leads to the idea page.
  await aurelie.getByLabel('Type').selectOption('');
  await aurelie.getByRole('link', { name: title }).click();
  await expect(aurelie).toHaveURL(new RegExp(`/ideas/${draft.id}$`));
});
