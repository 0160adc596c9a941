import { expect, test } from '@playwright/test';
import { decidedPrototype, expectNoSeriousAxeViolation, signedInPage } from './support';

// The idea team's promise to its authors (issue 13 item 1, docs/realisation.md): an anonymous author
// joins only if they choose, may change their mind, and stays "an author" to the others. A demo person
// no other browser test uses plays the author.

test('an anonymous author declines their place in the team, then takes it back, still “an author” to the others', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Des casiers pour les dossiers du soir ${Date.now().toString(36)}`;
  const bernard = await signedInPage(browser, 'bernard.zufferey@eclore.example');
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const sophie = await signedInPage(browser, 'sophie.bouchard@eclore.example');
  const ideaPath = `/ideas/${await decidedPrototype(bernard, julien, sophie, title, { anonymous: true })}`;
  await sophie.context().close();

  // His own invitation says he stays anonymous; he declines it.
  await bernard.goto(ideaPath);
  const team = bernard.locator('#team');
  await expect(team).toContainText('En tant qu’auteur·e, vous resterez anonyme pour les autres');
  await team.getByRole('button', { name: 'Décliner' }).click();
  // His place waits for him: he takes it back, and leads the team he is the first to join.
  const back = team.getByRole('button', { name: 'Reprendre ma place dans l’équipe' });
  await expect(team).toContainText('Vous y resterez anonyme pour les autres');
  await expectNoSeriousAxeViolation(bernard);
  await back.click();
  await expect(team).toContainText('Bernard Zufferey (vous) — responsable');
  await expect(back).toHaveCount(0);

  // The network sees "an author" leading, never his name.
  await julien.goto(ideaPath);
  await expect(julien.locator('#team')).toContainText('Un·e auteur·e — responsable');
  await expect(julien.locator('#team')).not.toContainText('Zufferey');
  for (const page of [bernard, julien]) await page.context().close();
});
