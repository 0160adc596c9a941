import { expect, test } from '@playwright/test';
import { decidedPrototype, expectNoSeriousAxeViolation, signedInPage } from './support';

// The team and experiment screens (issue 13 items 1, 2 and 7) on an idea the committee decided to
// prototype: invitations accepted and declined, the hypothesis and a pivot that keeps the old one,
// the log book read back in order and corrected by its writer. Demo people no other browser test uses.

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a team is invited (one accepts, one declines), the log book is written, read in order and corrected; a pivot keeps the old hypothesis', async ({
  browser,
}) => {
  test.setTimeout(180_000); // four people, two accessibility checks, one phone width
  const title = `Un guichet de données en libre-service ${Date.now().toString(36)}`;
  const elodie = await signedInPage(browser, 'elodie.masson@eclore.example'); // the author: the team's lead
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const sophie = await signedInPage(browser, 'sophie.bouchard@eclore.example');
  const ideaPath = `/ideas/${await decidedPrototype(elodie, julien, sophie, title)}`;
  await julien.context().close();
  await sophie.context().close();

  // Élodie invites two colleagues from the team section (nested in its panel: reached by its anchor).
  await elodie.goto(ideaPath);
  const team = elodie.locator('#team');
  for (const [search, name] of [
    ['Caron', 'Guillaume Caron'],
    ['Lapointe', 'Josée Lapointe'],
  ] as const) {
    await team.getByLabel('Inviter une personne (nom)').fill(search);
    await team.getByRole('button', { name: `Inviter ${name}` }).click();
    await expect(team.getByRole('button', { name: `Retirer l’invitation — ${name}` })).toBeVisible();
  }

  // Guillaume joins from the idea page; Josée declines from her own list of invitations.
  const guillaume = await signedInPage(browser, 'guillaume.caron@eclore.example');
  await guillaume.goto(ideaPath);
  await guillaume.locator('#team').getByRole('button', { name: 'Rejoindre l’équipe' }).click();
  await expect(guillaume.locator('#team')).toContainText('Guillaume Caron (vous) — membre');
  const josee = await signedInPage(browser, 'josee.lapointe@eclore.example');
  await josee.goto('/my-ideas');
  await josee.getByRole('button', { name: `Décliner : ${title}` }).click();
  await expect(josee.getByRole('button', { name: `Décliner : ${title}` })).toHaveCount(0);
  await josee.context().close();
  await elodie.reload();
  await expect(team).toContainText('Guillaume Caron — membre');
  await expect(team).not.toContainText('Josée Lapointe');

  // The experiment and its first hypothesis.
  const experiment = elodie.locator('#experiment');
  for (const [label, value] of [
    ['Nous pensons que…', 'un guichet en libre-service'],
    ['…pour…', 'les analystes'],
    ['…permettra de…', 'réduire les demandes d’extraction'],
    ['Ce qui est essayé', 'Un guichet'],
    ['Où', 'Service des données'],
    ['Avec qui', 'Trois analystes'],
    ['Mesure', 'Demandes par semaine'],
    ['Unité', 'demandes'],
    ['Cible', '5'],
  ] as const)
    await experiment.getByLabel(label, { exact: true }).fill(value);
  await experiment.getByLabel('Début', { exact: true }).fill(day(-3));
  await experiment.getByLabel('Fin', { exact: true }).fill(day(30));
  await experiment.getByRole('button', { name: 'Préparer l’expérimentation' }).click();

  // Two entries, the second dated earlier: the log book reads by day.
  for (const [text, when] of [
    ['Le guichet ouvre.', day()],
    ['Veille : les analystes sont formés.', day(-1)],
  ] as const) {
    await experiment.getByLabel('Ce qui s’est passé', { exact: true }).fill(text);
    await experiment.getByLabel('Jour', { exact: true }).fill(when);
    await experiment.getByRole('button', { name: 'Ajouter au journal' }).click();
    await expect(experiment.locator('.ec-experiment__log')).toContainText(text);
  }
  const entries = experiment.locator('.ec-experiment__log > li');
  await expect(entries.nth(0)).toContainText('Veille : les analystes sont formés.');
  await expect(entries.nth(1)).toContainText('Le guichet ouvre.');

  // Its writer corrects an entry within 24 hours.
  await experiment.getByRole('button', { name: `Corriger l’entrée du ${day()}` }).click();
  const correction = experiment.getByRole('form', { name: `Corriger l’entrée du ${day()}` });
  await correction.getByLabel('Ce qui s’est passé (correction)').fill('Le guichet ouvre à 8 h.');
  await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(entries.nth(1)).toContainText('Le guichet ouvre à 8 h.');
  await expect(entries.nth(1)).toContainText('corrigée');
  await expectNoSeriousAxeViolation(elodie);

  // Guillaume reads the same entries in the same order, and cannot correct Élodie's.
  await guillaume.reload();
  const his = guillaume.locator('#experiment .ec-experiment__log > li');
  await expect(his).toHaveCount(2);
  await expect(his.nth(1)).toContainText('Le guichet ouvre à 8 h.');
  await expect(guillaume.getByRole('button', { name: /^Corriger l’entrée/ })).toHaveCount(0);
  await guillaume.context().close();

  // A pivot: the new hypothesis is current, the old one stays visible with the reason.
  await experiment.getByRole('radio', { name: 'Changer d’hypothèse' }).check();
  const outcome = experiment.locator('form', { has: elodie.getByRole('radio', { name: 'Changer d’hypothèse' }) });
  await outcome.getByLabel('Nous pensons que…').fill('une permanence de deux heures');
  await outcome.getByLabel('…pour…').fill('les analystes');
  await outcome.getByLabel('…permettra de…').fill('réduire les demandes d’extraction');
  await outcome.getByLabel('Pourquoi changer').fill('Le guichet seul reste vide.');
  await outcome.getByRole('button', { name: 'Enregistrer le résultat' }).click();
  await expect(experiment.getByRole('heading', { name: 'Hypothèse 1 (abandonnée)' })).toBeVisible();
  await expect(experiment).toContainText('Nous pensons que un guichet en libre-service pour les analystes');
  await expect(experiment.locator('.ec-experiment__hypothesis')).toContainText('une permanence de deux heures');
  await expect(experiment).toContainText('Raison du changement : Le guichet seul reste vide.');
  await expectNoSeriousAxeViolation(elodie);

  // At 390 px the team and the experiment fit the screen.
  await elodie.setViewportSize({ width: 390, height: 844 });
  await elodie.reload();
  await expect(experiment.locator('.ec-experiment__hypothesis')).toBeVisible();
  expect(await elodie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await elodie.context().close();
});
