import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// Issue 5's journey in the browser with the demo accounts (docs/demo-accounts.md): an idea is routed
// to the network, scored by two members, qualified, put on a committee agenda, decided "prototype"
// with a rationale, and its author (and a follower) see the answer. People no other browser test uses
// play the author and the follower.

test('routed, scored by two, qualified, on a committee agenda, decided prototype: the author sees the answer', async ({
  browser,
}) => {
  // Five people over a dozen screens: about 1.5 min on a loaded 2-core machine.
  test.setTimeout(180_000);
  const token = `qd${Date.now().toString(36)}`;
  const title = `Fiches de transmission entre équipes ${token}`;
  const rationale = `Irritant quotidien et peu coûteux à tester : on prototype avec l’équipe de nuit (${token}).`;

  // Chloé drafts and submits a problem for the home-care service.
  const author = await signedInPage(browser, 'chloe.martin@eclore.example');
  await author.goto('/ideas/new');
  await expect(author.getByRole('heading', { level: 1 })).toHaveText('Nouvelle idée');
  await author.getByLabel('un problème (une irritation, un besoin)').check();
  await author.getByLabel('Titre (obligatoire)', { exact: true }).fill(title);
  await author.getByLabel('Résumé').fill('Les consignes se perdent entre l’équipe de nuit et celle du matin.');
  await author.getByLabel('Description').fill('Le cahier papier reste au local de nuit.');
  await author.getByLabel('Qui en souffre ?').fill('Les équipes de soins à domicile');
  await author.getByLabel('À quelle fréquence ?').selectOption({ label: 'Tous les jours' });
  await author.getByLabel('Unité concernée').selectOption({ label: 'Service des soins à domicile' });
  await author.getByRole('button', { name: 'Déposer l’idée' }).click();
  await expect(author).toHaveURL(/\/ideas\/[0-9a-f-]+$/);
  const ideaPath = new URL(author.url()).pathname;

  // Nathalie (network, health direction) accepts it from her intake queue, then starts the qualification:
  // the idea is routed to network members whose scope covers it.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await nathalie.goto('/intake');
  await nathalie.getByRole('button', { name: `Accepter : ${title}` }).click();
  await expect(nathalie.getByRole('status').filter({ hasText: `« ${title} » est acceptée` })).toBeVisible();
  await nathalie.goto(ideaPath);
  const reviewers = nathalie.getByRole('region', { name: 'Évaluation par le réseau' });
  await reviewers.getByRole('button', { name: 'Lancer la qualification' }).click();
  await expect(reviewers.getByText('La qualification est lancée.')).toBeVisible();
  await expect(reviewers.getByRole('button', { name: /^Retirer / }).first()).toBeVisible();
  // Two reviewers: whoever the routing did not pick of Nathalie and Julien is added by hand.
  for (const name of ['Nathalie Gagnon', 'Julien Tremblay']) {
    if ((await reviewers.getByRole('button', { name: `Retirer ${name}` }).count()) === 0) {
      const person = reviewers.getByLabel('Membre du réseau');
      await person.selectOption((await person.locator('option', { hasText: name }).getAttribute('value'))!);
      await reviewers.getByRole('button', { name: 'Ajouter' }).click();
      await expect(reviewers.getByRole('button', { name: `Retirer ${name}` })).toBeVisible();
    }
  }
  await expectNoSeriousAxeViolation(nathalie);

  // A follower, for the publication of the decision.
  const follower = await signedInPage(browser, 'sandrine.bonvin@eclore.example');
  await follower.goto(ideaPath);
  await follower.getByRole('button', { name: /^Suivre/ }).click();
  await expect(follower.getByRole('button', { name: /^Suivre|^Ne plus suivre|^Suivie/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Both reviewers fill in their scorecard on the idea page and send it; Nathalie qualifies the idea
  // for the committee with the answer the authors read.
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  for (const [reviewer, level] of [
    [nathalie, 4],
    [julien, 5],
  ] as const) {
    await reviewer.goto(ideaPath);
    const form = reviewer.getByRole('form', { name: 'Ma grille d’évaluation' });
    const criteria = form.getByRole('group');
    await expect(criteria).toHaveCount(5);
    for (let i = 0; i < 5; i += 1)
      await criteria
        .nth(i)
        .getByRole('radio')
        .nth(level - 1)
        .check();
    await form.getByLabel('Commentaire').fill('Utile et simple à tester.');
    await form.getByRole('button', { name: 'Envoyer la grille' }).click();
    await expect(form.getByText('Grille d’évaluation envoyée.')).toBeVisible();
  }
  await nathalie.reload();
  const outcomes = nathalie.getByRole('region', { name: 'Issue de la qualification' });
  await outcomes.getByRole('button', { name: 'Qualifier (vers le comité)' }).click();
  const qualifyDialog = nathalie.getByRole('dialog', { name: 'Qualifier (vers le comité)' });
  await qualifyDialog
    .getByLabel('Réponse aux auteurs')
    .fill('Qualifiée : forte valeur pour les patients, coût faible.');
  await qualifyDialog.getByRole('button', { name: 'Qualifier (vers le comité)' }).click();
  // Qualified: the outcome buttons are gone (the lifecycle offers none in `decide`) and the answer shows.
  await expect(qualifyDialog).toBeHidden();
  await expect(outcomes).toHaveCount(0);
  await expect(nathalie.getByText('Qualifiée : forte valeur pour les patients, coût faible.').first()).toBeVisible();

  // Philippe (committee) plans a session from the Comité entry and puts the idea on its agenda.
  const philippe = await signedInPage(browser, 'philippe.morel@eclore.example');
  await philippe
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Comité de pilotage' })
    .click();
  await expect(philippe.getByRole('heading', { level: 1, name: 'Séances du comité' })).toBeVisible();
  await expectNoSeriousAxeViolation(philippe);
  const plan = philippe.getByRole('region', { name: 'Planifier une séance' });
  await plan.getByLabel('Titre').fill(`Séance ${token}`);
  await plan.getByLabel('Sophie Bouchard').check();
  await plan.getByRole('button', { name: 'Planifier la séance' }).click();
  await expect(philippe.getByRole('heading', { level: 1, name: `Séance ${token}` })).toBeVisible();
  const suggestions = philippe.getByRole('region', { name: 'Idées qualifiées à inscrire' });
  await suggestions.getByRole('button', { name: `Inscrire « ${title} »` }).click();
  const agenda = philippe.getByRole('region', { name: 'Ordre du jour' });
  await expect(agenda.getByRole('link', { name: title })).toBeVisible();
  await expect(suggestions.getByRole('button', { name: `Inscrire « ${title} »` })).toHaveCount(0);

  // The pre-reading pack carries the consolidated scorecard; the prioritisation ranks it.
  const pack = philippe.getByRole('region', { name: 'Dossier de préparation' });
  await expect(pack.getByRole('heading', { name: title })).toBeVisible();
  await expect(pack.getByText('Score pondéré 4.5/5 (2 évaluations)')).toBeVisible();
  await expect(pack.getByText('Qualifiée : forte valeur pour les patients, coût faible.')).toBeVisible();
  const prioritisation = philippe.getByRole('region', { name: 'Priorisation' });
  await expect(prioritisation.getByRole('row', { name: new RegExp(title) })).toContainText('4.5');
  await expect(prioritisation.getByRole('figure', { name: 'Valeur et effort' })).toBeVisible();
  await expectNoSeriousAxeViolation(philippe);

  // In session: the decision "prototype" with its rationale (the rationale is required).
  await philippe.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await expect(philippe.getByTestId('session-status')).toHaveText('En séance');
  await agenda.getByRole('button', { name: `Décider pour « ${title} »` }).click();
  const dialog = philippe.getByRole('dialog', { name: `Décision pour « ${title} »` });
  await dialog.getByLabel('Passer en expérimentation (prototype)').check();
  await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expectNoSeriousAxeViolation(philippe);
  await dialog.getByLabel('Motivation').fill(rationale);
  await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(agenda).toContainText(`Prototype — ${rationale}`);

  // Closing the session; the minutes are a PDF.
  await philippe.getByRole('button', { name: 'Clore la séance' }).click();
  await philippe
    .getByRole('dialog', { name: 'Clore la séance' })
    .getByRole('button', { name: 'Clore la séance' })
    .click();
  await expect(philippe.getByTestId('session-status')).toHaveText('Close');
  const minutes = await philippe.request.get(
    (await philippe.getByRole('link', { name: 'Télécharger le procès-verbal (PDF)' }).getAttribute('href'))!,
  );
  expect(minutes.headers()['content-type']).toBe('application/pdf');
  await expectNoSeriousAxeViolation(philippe);

  // The author and the follower see the answer on the idea page, and are told.
  for (const reader of [author, follower]) {
    await reader.goto(ideaPath);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(reader.getByText(rationale).first()).toBeVisible();
    await expect(async () => {
      await reader.goto('/notifications');
      await expect(reader.getByText('L’idée va être prototypée').first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
  await expectNoSeriousAxeViolation(author);
  for (const page of [author, nathalie, follower, julien, philippe]) await page.context().close();
});

test('the demo session in English: agenda, pre-reading pack with scores, prioritisation; an employee has no committee', async ({
  browser,
}) => {
  const antoine = await signedInPage(browser, 'antoine.mercier@eclore.example');
  const saved = antoine.waitForResponse(
    (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH' && r.status() === 200,
  );
  await antoine.getByLabel('Langue').selectOption('en');
  await saved;
  await antoine
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Steering committee' })
    .click();
  await expect(antoine.getByRole('heading', { level: 1, name: 'Committee sessions' })).toBeVisible();
  await antoine.getByRole('link', { name: 'Séance du comité de pilotage' }).first().click();
  await expect(antoine.getByRole('heading', { level: 1, name: 'Séance du comité de pilotage' })).toBeVisible();
  await expect(antoine.getByText('Language of the minutes')).toBeVisible();
  const agenda = antoine.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('listitem')).toHaveCount(2);
  await expect(agenda.getByRole('link', { name: /carnet de liaison numérique/ })).toBeVisible();
  // Reordering from the keyboard: the first item moves down and the change is announced.
  const first = (await agenda.getByRole('listitem').first().getByRole('link').textContent())!;
  await agenda.getByRole('button', { name: `Move “${first}” down` }).focus();
  await antoine.keyboard.press('Enter');
  await expect(agenda.getByRole('listitem').last().getByRole('link')).toHaveText(first);
  await expect(agenda.getByRole('status')).toHaveText('Agenda updated.');
  const pack = antoine.getByRole('region', { name: 'Pre-reading pack' });
  await expect(pack.getByRole('article')).toHaveCount(2);
  await expect(pack.getByText(/^Weighted score .*\/5 \(\d reviews?\)$/).first()).toBeVisible();
  await expect(antoine.getByRole('region', { name: 'Prioritisation' }).getByRole('table')).toBeVisible();
  await expectNoSeriousAxeViolation(antoine);
  await antoine.context().close();

  const employee = await signedInPage(browser, 'emily.wilson@eclore.example');
  await expect(employee.getByRole('link', { name: /Steering committee|Comité de pilotage/ })).toHaveCount(0);
  await employee.goto('/committee');
  await expect(employee.getByRole('heading', { level: 1 })).toHaveText(/^(Access denied|Accès refusé)$/);
  await employee.context().close();
});
