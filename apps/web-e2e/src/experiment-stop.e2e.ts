import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// The network coaches experiments (issue 13 item 2): Nathalie Gagnon, network member for the health
// direction, stops the demo experiment of the e-bikes idea (migrations/seed/realisation.ts) from its
// experiment screen: learnings are required, the stop is a result, its learnings stay on the idea.
// Nobody else in the browser tests touches this idea.
const IDEA = '/ideas/5eed0000-9f0f-4000-8000-000000000001';

test('a network member in scope stops an experiment with its learnings, from the experiment screen', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await nathalie.goto(IDEA);
  const experiment = nathalie.getByRole('region', { name: 'L’expérimentation' });
  await expect(experiment.getByText('En cours')).toBeVisible();
  await expect(experiment.getByRole('listitem').filter({ hasText: '17 minutes' })).toBeVisible();

  await experiment.getByRole('radio', { name: 'Arrêter' }).check();
  await expect(experiment.getByText('Un arrêt est un résultat')).toBeVisible();
  // Learnings are required for a stop: the form does not go, nothing is stopped.
  await experiment.getByRole('button', { name: 'Arrêter l’expérimentation' }).click();
  const field = experiment.getByLabel('Enseignements');
  expect(await field.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(experiment.getByText('En cours')).toBeVisible();
  await expectNoSeriousAxeViolation(nathalie);

  const learnings = 'Les vélos gagnent du temps en ville, mais pas assez pour l’hiver : on arrête.';
  await field.fill(learnings);
  await experiment.getByRole('button', { name: 'Arrêter l’expérimentation' }).click();
  await expect(experiment.getByText('Arrêtée', { exact: true })).toBeVisible();
  await expect(experiment.getByText(learnings)).toBeVisible();
  await expect(experiment.getByRole('button', { name: 'Arrêter l’expérimentation' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(nathalie);
});
