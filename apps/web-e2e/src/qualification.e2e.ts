import { expect, test } from '@playwright/test';
import {
  acceptIdea,
  assignReviewer,
  createIdea,
  getIdeaAssignments,
  listOrgUnits,
  startQualification,
  submitIdea,
} from '@eclore/api-client';
import { as, expectNoSeriousAxeViolation, sessionOf, signedInPage } from './support';

// Scoring and qualifying through the qualification panel of the idea page. The idea is written,
// accepted and routed through the API (other tests cover those screens); Nathalie Gagnon (network,
// Direction de la santé) is its reviewer. Geneviève Fortin, whom no other browser test uses, is the author.

test('an assigned reviewer scores the idea on its page, sees the consolidated view and qualifies it; the author reads the answer', async ({
  browser,
}) => {
  test.slow();
  const token = `sc${Date.now().toString(36)}`;
  const title = `Badge perdu la nuit ${token}`;
  const answer = `Qualifiée : irritant réel pour l’équipe de nuit, simple à tester (${token}).`;

  const author = await signedInPage(browser, 'genevieve.fortin@eclore.example');
  const { data: units } = await listOrgUnits(await as(author));
  const unit = units.find((u) => u.code === 'DS-SOINS-NUIT')!;
  const { data: created } = await createIdea({
    ...(await as(author)),
    body: {
      kind: 'problem',
      title,
      summary: 'Sans badge, l’équipe de nuit attend à la porte.',
      bodyHtml: '<p>Le badge de remplacement n’est délivré qu’en journée.</p>',
      orgUnitId: unit.id,
      themes: [],
      whoSuffers: 'L’équipe de nuit',
      frequency: 'weekly',
    },
  });
  const ideaId = created.id;
  const path = { id: ideaId };
  await submitIdea({ ...(await as(author)), path, body: {} });

  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await acceptIdea({ ...(await as(nathalie)), path, body: {} });
  await startQualification({ ...(await as(nathalie)), path, body: {} });
  const { person: me } = await sessionOf(nathalie);
  const { data: assigned } = await getIdeaAssignments({ ...(await as(nathalie)), path });
  if (!assigned.assignments.some((a) => a.reviewer.id === me.id && a.endedAt === null)) {
    await assignReviewer({ ...(await as(nathalie)), path, body: { personId: me.id } });
  }

  await nathalie.goto(`/ideas/${ideaId}`);
  await expect(nathalie.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const panel = nathalie.getByRole('region', { name: 'Qualification' });
  const form = panel.getByRole('form', { name: 'Ma grille d’évaluation' });
  await expect(form).toBeVisible();
  await expect(panel.getByText('Aucune grille d’évaluation envoyée pour l’instant.')).toBeVisible();
  await expectNoSeriousAxeViolation(nathalie);

  // Submitting with a criterion left out names it; then every criterion, by its described level.
  await form
    .getByRole('group', { name: /Valeur pour les usagers/ })
    .getByRole('radio', { name: /^4/ })
    .check();
  await form.getByRole('button', { name: 'Envoyer la grille' }).click();
  await expect(form.getByRole('alert')).toContainText('Ce champ est obligatoire.');
  for (const [criterion, level] of [
    [/Faisabilité/, 5],
    [/Coût/, 4],
    [/Alignement avec la stratégie/, 3],
    [/Reproductibilité/, 2],
  ] as const) {
    await form
      .getByRole('group', { name: criterion })
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  }
  await expect(
    form.getByRole('group', { name: /Coût/ }).getByRole('radio', { name: /Coût faible, absorbable par le service/ }),
  ).toBeChecked();
  await form.getByLabel('Commentaire').fill('Peu coûteux, à tester avec la sécurité.');
  await form.getByRole('button', { name: 'Envoyer la grille' }).click();
  await expect(panel.getByText('Grille d’évaluation envoyée.')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Mettre à jour la grille envoyée' })).toBeVisible();

  // The consolidated view: one reviewer, the weighted score, a row per criterion.
  await expect(panel.getByRole('heading', { name: /Vue consolidée · 1 évaluateur/ })).toBeVisible();
  const table = panel.getByRole('table', { name: 'Notes par critère' });
  await expect(table.getByRole('row', { name: /Valeur pour les usagers/ })).toContainText('4');
  // (3·4 + 2·5 + 2·4 + 2·3 + 1·2) / 10 = 3,8
  await expect(panel.getByText('3,8 / 5')).toBeVisible();
  await expect(panel.getByRole('figure', { name: 'Moyenne et écart par critère' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Nathalie Gagnon' })).toContainText(
    'Peu coûteux, à tester avec la sécurité.',
  );
  await expectNoSeriousAxeViolation(nathalie);

  // Qualify: the answer is required in the dialog.
  await panel.getByRole('button', { name: 'Qualifier (vers le comité)' }).click();
  const dialog = nathalie.getByRole('dialog', { name: 'Qualifier (vers le comité)' });
  await dialog.getByRole('button', { name: 'Qualifier (vers le comité)' }).click();
  await expect(dialog.getByText('Ce texte est obligatoire.')).toBeVisible();
  await expectNoSeriousAxeViolation(nathalie);
  await dialog.getByLabel('Réponse aux auteurs').fill(answer);
  await dialog.getByRole('button', { name: 'Qualifier (vers le comité)' }).click();
  await expect(panel.getByText('Idée qualifiée : elle part au comité.')).toBeVisible();
  await expect(nathalie.getByText('Décision du comité').first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Qualifier (vers le comité)' })).toHaveCount(0);

  // The author reads the answer on the idea page; the scorecards are not theirs to see.
  await author.goto(`/ideas/${ideaId}`);
  await expect(author.getByText(answer).first()).toBeVisible();
  await expect(author.getByRole('region', { name: 'Qualification' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(author);
  await author.context().close();
  await nathalie.context().close();
});

test('a network member gives a campaign its own criteria from the campaign page, with the faulty field named, then goes back to the default', async ({
  browser,
}) => {
  // The demo campaign « Moins de papier » addresses the whole organisation: Julien Tremblay
  // (network, whole organisation) manages it.
  const page = await signedInPage(browser, 'julien.tremblay@eclore.example');
  await page.goto('/campaigns/5eed0000-ca00-4000-8000-000000000002');
  await page.getByRole('link', { name: 'Critères d’évaluation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Critères d’évaluation — Moins de papier/ })).toBeVisible();
  await expect(page.getByText('Cet appel à idées utilise les critères par défaut.', { exact: false })).toBeVisible();
  await expectNoSeriousAxeViolation(page);

  const replicability = page.getByRole('group', { name: /Reproductibilité/ });
  await replicability.getByLabel('Poids').fill('0');
  await page.getByRole('button', { name: 'Enregistrer les critères' }).click();
  await expect(replicability.getByText('Le poids doit être supérieur à 0.')).toBeVisible();
  await replicability.getByLabel('Poids').fill('2');
  await page.getByRole('button', { name: 'Enregistrer les critères' }).click();
  await expect(page.getByText('Critères enregistrés.')).toBeVisible();
  await expect(page.getByText('Cet appel à idées utilise les critères par défaut.', { exact: false })).toHaveCount(0);
  await expectNoSeriousAxeViolation(page);

  await page.getByRole('button', { name: 'Revenir aux critères par défaut' }).click();
  await expect(page.getByText('L’appel à idées utilise de nouveau les critères par défaut.')).toBeVisible();
  await expect(page.getByRole('group', { name: /Reproductibilité/ }).getByLabel('Poids')).toHaveValue('1');
  await page.context().close();
});
