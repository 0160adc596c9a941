import { expect, test } from '@playwright/test';
import { answerFieldReview, getIdeaFieldReviews, makeFieldReviewDue } from '@eclore/api-client';
import { as, expectNoSeriousAxeViolation, signedInPage } from './support';

// The demo seed's idea in follow-up (migrations/seed/field-reviews.ts): put live two months ago by
// Kevin Nguyen (project owner), written by Aurélie Monnier; reviews at 3 and 12 months.
const IDEA_ID = '5eed0000-f1e1-4000-8000-000000000001';
const TITLE = 'Un tableau de garde partagé entre les équipes de jour et de nuit';

test.describe('return to the field', () => {
  test('the 3-month review, made due by the test clock, is told through the idea page, shown on the timeline; then the idea is closed', async ({
    browser,
  }) => {
    test.setTimeout(180_000); // two people, a dialog, three accessibility checks, a close
    const admin = await signedInPage(browser, 'claire.rochat@eclore.example');
    const owner = await signedInPage(browser, 'kevin.nguyen@eclore.example');

    // Closing is refused while the last review is unanswered: no review has been told yet.
    await owner.goto(`/ideas/${IDEA_ID}`);
    await expect(owner.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(owner.getByText('L’idée pourra être close une fois le dernier retour raconté.')).toBeVisible();

    // The test clock (NODE_ENV=test only): the 3-month review falls due now and is asked.
    const { data: before } = await getIdeaFieldReviews({ ...(await as(owner)), path: { id: IDEA_ID } });
    const [threeMonths, twelveMonths] = before!.reviews;
    expect(threeMonths!.monthsAfterGoLive).toBe(3);
    const { data: made } = await makeFieldReviewDue({ ...(await as(admin)), path: { id: threeMonths!.id } });
    expect(made!.asked).toBe(true);

    // The owner finds it among the reviews to tell on the home page, and tells it on the idea page.
    await owner.goto('/');
    const mine = owner.getByRole('region', { name: 'Retours en réalité à raconter' });
    await expect(mine.getByRole('link', { name: `« ${TITLE} » : retour à 3 mois` })).toBeVisible();
    await mine.getByRole('link', { name: `« ${TITLE} » : retour à 3 mois` }).click();
    await expect(owner.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await owner.getByRole('button', { name: 'Raconter ce retour' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Retour en réalité à 3 mois' });
    await dialog.getByRole('button', { name: 'Envoyer le retour' }).click();
    await expect(dialog.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    await dialog.getByLabel('Ce qui s’est vraiment passé').fill('Le tableau sert à chaque relève.');
    await dialog.getByLabel('Ce qui a surpris').fill('Les familles le consultent aussi.');
    await dialog.getByLabel('Qui l’utilise').fill('Les équipes de jour et de nuit des soins.');
    await expectNoSeriousAxeViolation(owner);
    await dialog.getByRole('button', { name: 'Envoyer le retour' }).click();
    await expect(owner.getByText('Votre retour est sur l’historique de l’idée.')).toBeVisible();

    // On the timeline, with the three answers.
    const timeline = owner.getByRole('region', { name: 'Historique' });
    await expect(timeline.getByText('Retour en réalité', { exact: true })).toBeVisible();
    await expect(timeline.getByText('Les familles le consultent aussi.')).toBeVisible();
    await expectNoSeriousAxeViolation(owner);

    // The last (12-month) review told too, then the owner closes the idea with its button.
    await makeFieldReviewDue({ ...(await as(admin)), path: { id: twelveMonths!.id } });
    await answerFieldReview({
      ...(await as(owner)),
      path: { id: twelveMonths!.id },
      body: { whatHappened: 'Toujours en usage.', unexpected: 'Rien de plus.', whoUsesIt: 'Les mêmes équipes.' },
    });
    await owner.reload();
    await owner.getByRole('button', { name: 'Clore l’idée' }).click();
    await owner.getByRole('dialog', { name: 'Clore l’idée ?' }).getByRole('button', { name: 'Clore' }).click();
    await expect(owner.locator('.ec-idea-status')).toHaveText('Clôturée');
    await admin.context().close();
    await owner.context().close();
  });
});
