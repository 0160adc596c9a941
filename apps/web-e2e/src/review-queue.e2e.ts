import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, publishedProblem, signedInPage } from './support';

// The demo seed's ideas in qualification (migrations/seed/review-queue.ts), assigned to Nathalie
// Gagnon (Direction de la santé) and Julien Tremblay (whole organisation): one she scored (the
// scorecards demo) with a private note, one to review, one past the 60-day qualification time.
const SCORED = 'Les rendez-vous de prévention se chevauchent entre équipes';
const TO_REVIEW = 'Les clés des véhicules de nuit se cherchent à chaque relève';
const OVERDUE = 'Les brochures de prévention ne sont pas traduites';
const OUTSIDE = 'Trois formulaires pour un seul accès à une application';

test.describe('review queue, reviewers and private notes', () => {
  test('a scoped network member reads her queue by tab, reassigns a reviewer on the idea page and writes a private note', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Ma file de revue' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ma file de revue' })).toBeVisible();
    const tabs = page.getByRole('tablist', { name: 'Ma file de revue' });
    await expect(tabs.getByRole('tab', { name: /À évaluer/ })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel');
    await expect(panel.getByRole('link', { name: TO_REVIEW })).toBeVisible();
    await expect(panel.getByRole('link', { name: OVERDUE })).toHaveCount(0);
    // The idea of the Direction du numérique is not hers, nor in her network view.
    await expect(page.getByRole('link', { name: OUTSIDE })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Revues en cours par membre' })).toBeVisible();
    await expectNoSeriousAxeViolation(page);

    // Keyboard: the arrow keys move to the overdue tab, then to the done one (her scorecard is in).
    await tabs.getByRole('tab', { name: /À évaluer/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: /En retard/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').getByRole('link', { name: OVERDUE })).toBeVisible();
    await expectNoSeriousAxeViolation(page);
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: /Terminées/ })).toHaveAttribute('aria-selected', 'true');
    const scored = page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: SCORED }) });
    await expect(scored).toContainText('Grille d’évaluation envoyée');

    // The idea page: the reviewers panel lists both reviewers; removing and adding back Julien Tremblay.
    await scored.getByRole('link', { name: SCORED }).click();
    await expect(page.getByRole('heading', { level: 1, name: SCORED })).toBeVisible();
    const reviewers = page.getByRole('region', { name: 'Évaluation par le réseau' });
    await reviewers.getByRole('button', { name: 'Retirer Julien Tremblay' }).click();
    await expect(reviewers.getByRole('button', { name: 'Retirer Julien Tremblay' })).toHaveCount(0);
    const person = reviewers.getByLabel('Membre du réseau');
    await person.selectOption((await person.locator('option', { hasText: 'Julien Tremblay' }).getAttribute('value'))!);
    await reviewers.getByRole('button', { name: 'Ajouter' }).click();
    await expect(reviewers.getByRole('button', { name: 'Retirer Julien Tremblay' })).toBeVisible();
    await expect(reviewers.getByText(/attribuée par Nathalie Gagnon/)).toBeVisible();

    // Private notes: the seeded note, then a new one.
    const notes = page.getByRole('region', { name: 'Notes privées' });
    await expect(notes.getByText(/agenda partagé/)).toBeVisible();
    await notes.getByLabel('Nouvelle note').fill('Vu avec la prévention : on qualifie la semaine prochaine.');
    await notes.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect(notes.getByText('Vu avec la prévention : on qualifie la semaine prochaine.')).toBeVisible();
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('the author of an idea in qualification sees neither its reviewers nor its private notes', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'francois.lavoie@eclore.example');
    await page.goto('/my-ideas');
    await page.getByRole('link', { name: SCORED }).click();
    await expect(page.getByRole('heading', { level: 1, name: SCORED })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notes privées' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Évaluation par le réseau' })).toHaveCount(0);
    await expect(page.getByText(/agenda partagé/)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ma file de revue' })).toHaveCount(0);
    await page.context().close();
  });
  test('a network member declares an absence with a stand-in, sees it listed and cancels it', async ({ browser }) => {
    const page = await signedInPage(browser, 'julien.tremblay@eclore.example');
    await page.goto('/review-queue');
    const absences = page.getByRole('region', { name: 'Mes absences' });
    await expect(absences.getByText('Aucune absence prévue.')).toBeVisible();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await absences.getByLabel('Début').fill(day(10));
    await absences.getByLabel('Fin').fill(day(20));
    const delegate = absences.getByLabel('Remplaçant·e');
    await delegate.selectOption(
      (await delegate.locator('option', { hasText: 'Nathalie Gagnon' }).getAttribute('value'))!,
    );
    await absences.getByRole('button', { name: 'Déclarer l’absence' }).click();
    const cancel = absences.getByRole('button', { name: /^Annuler l’absence du / });
    await expect(cancel).toBeVisible();
    await expect(absences.getByText(/Remplaçant·e : Nathalie Gagnon/)).toBeVisible();
    await expectNoSeriousAxeViolation(page);
    await cancel.click();
    await expect(absences.getByText('Aucune absence prévue.')).toBeVisible();
    await page.context().close();
  });
  test('a network member starts qualification from the idea page and the idea is routed to the members in scope', async ({
    browser,
  }) => {
    const title = `Files d’attente au guichet ${Date.now().toString(36)}`;
    const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
    const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
    const draft = await publishedProblem(lucas, nathalie, {
      title,
      summary: 'Les patients attendent debout au guichet des soins.',
      bodyHtml: '<p>Il n’y a que deux chaises.</p>',
      whoSuffers: 'Les patients âgés',
      frequency: 'daily',
    });

    await nathalie.goto(`/ideas/${draft.id}`);
    await expect(nathalie.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const reviewers = nathalie.getByRole('region', { name: 'Évaluation par le réseau' });
    await reviewers.getByRole('button', { name: 'Lancer la qualification' }).click();
    await expect(reviewers.getByText('La qualification est lancée.')).toBeVisible();
    // The two demo network members cover the Service des soins à domicile; the author is never one.
    await expect(reviewers.getByRole('button', { name: 'Retirer Nathalie Gagnon' })).toBeVisible();
    await expect(reviewers.getByRole('button', { name: 'Retirer Julien Tremblay' })).toBeVisible();
    await expect(reviewers.getByText(/attribution automatique/)).toHaveCount(2);
    await expect(reviewers.getByRole('button', { name: 'Lancer la qualification' })).toHaveCount(0);
    await expectNoSeriousAxeViolation(nathalie);

    await nathalie.goto('/review-queue');
    await expect(nathalie.getByRole('tabpanel').getByRole('link', { name: title })).toBeVisible();
    await lucas.context().close();
    await nathalie.context().close();
  });
});
