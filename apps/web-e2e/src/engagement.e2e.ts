import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, publishedProblem, signedInPage } from './support';

test('on a published idea: “Moi aussi”, a comment with a mention and a reply, the author adopts it, follow', async ({
  browser,
}) => {
  const title = `Casiers du vestiaire ${Date.now().toString(36)}`;

  // Set-up through the API (the idea screens have their own tests): Lucas writes and submits a
  // problem, Julien (innovation network) accepts it onto the wall.
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const draft = await publishedProblem(lucas, julien, {
    title,
    summary: 'Pas assez de casiers pour l’équipe de nuit.',
    bodyHtml: '<p>Les affaires restent dans la voiture.</p>',
    whoSuffers: 'L’équipe de nuit',
    frequency: 'daily',
  });

  // Aurélie, a colleague, finds it and says "me too".
  const aurelie = await signedInPage(browser, 'aurelie.monnier@eclore.example');
  await aurelie.goto(`/ideas/${draft.id}`);
  await expect(aurelie.getByRole('heading', { level: 1 })).toHaveText(title);
  const support = aurelie.getByRole('button', { name: /^Moi aussi/ });
  await expect(support).toHaveAttribute('aria-pressed', 'false');
  await expect(support).toHaveText('Moi aussi · 0');
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(support).toHaveText('Moi aussi · 1');

  // She comments, mentioning Emily through the picker.
  await aurelie.getByLabel('Votre commentaire').fill('Même chose au service de soins.');
  await aurelie.getByRole('button', { name: 'Mentionner', exact: true }).click();
  await aurelie.getByLabel('Rechercher une personne').fill('Emily');
  await aurelie.getByRole('button', { name: 'Mentionner Emily Wilson' }).click();
  await aurelie.getByRole('button', { name: 'Publier', exact: true }).click();
  const comments = aurelie.getByRole('region', { name: /^Commentaires/ });
  const first = comments.getByRole('article', { name: 'Aurélie Monnier' });
  await expect(first).toContainText('Même chose au service de soins.');
  await expect(first.locator('.ec-mention')).toHaveText('@Emily Wilson');
  await expect(comments.getByRole('heading', { level: 2 })).toContainText('1 commentaire');

  // Lucas, the author, replies in the thread.
  await lucas.goto(`/ideas/${draft.id}`);
  await lucas.getByRole('article', { name: 'Aurélie Monnier' }).getByRole('button', { name: 'Répondre' }).click();
  await lucas.getByLabel('Votre réponse').fill('Merci, je l’ajoute à la description.');
  await lucas
    .getByRole('article', { name: 'Aurélie Monnier' })
    .getByRole('button', { name: 'Publier', exact: true })
    .click();
  await expect(lucas.getByRole('article', { name: 'Lucas Girard' })).toContainText('Merci, je l’ajoute');
  // Lucas adopts Aurélie's comment (it helped him); his own reply offers no such action.
  const adoptable = lucas.getByRole('article', { name: 'Aurélie Monnier' });
  await adoptable.getByRole('button', { name: 'Retenir ce commentaire' }).click();
  await expect(adoptable.getByText('Retenu par les auteurs')).toBeVisible();
  await expect(adoptable.getByRole('button', { name: 'Ne plus retenir' })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    lucas.getByRole('article', { name: 'Lucas Girard' }).getByRole('button', { name: 'Retenir ce commentaire' }),
  ).toHaveCount(0);
  // Authors do not support their own idea: the count, no button.
  await expect(lucas.getByRole('button', { name: /^Moi aussi/ })).toHaveCount(0);
  await expect(lucas.getByText('1 soutien', { exact: true })).toBeVisible();

  // Aurélie follows it; everything holds after a reload.
  const follow = aurelie.getByRole('button', { name: 'Suivre' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(aurelie.getByRole('button', { name: 'Suivie' })).toHaveAttribute('aria-pressed', 'true');
  await aurelie.reload();
  await expect(aurelie.getByRole('button', { name: /^Moi aussi/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(aurelie.getByRole('button', { name: 'Suivie' })).toHaveAttribute('aria-pressed', 'true');
  const reply = aurelie.getByRole('article', { name: 'Lucas Girard' });
  await expect(reply).toContainText('auteur');
  await expect(reply).toContainText('Merci, je l’ajoute');
  // The mark shows to everyone; only the authors may set it.
  await expect(first.getByText('Retenu par les auteurs')).toBeVisible();
  await expect(aurelie.getByRole('button', { name: 'Retenir ce commentaire' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(aurelie);
  // On a phone (390 px) the mark and the thread fit.
  await aurelie.setViewportSize({ width: 390, height: 844 });
  await expect(first.getByText('Retenu par les auteurs')).toBeVisible();
  expect(await aurelie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
