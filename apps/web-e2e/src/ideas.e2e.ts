import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

test('draft with a co-author → the co-author accepts → submit → the network accepts → visible on its page', async ({
  browser,
}) => {
  // Four people's sessions and three accessibility scans: a long journey, slow on a loaded machine.
  test.slow();
  const title = `Véhicules de nuit ${Date.now().toString(36)}`;

  // Lucas (employee, home care service) starts a problem; submitting too early names the missing fields.
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  await lucas.goto('/ideas/new');
  await expect(lucas.getByRole('heading', { level: 1 })).toHaveText('Nouvelle idée');
  await lucas.getByLabel('un problème (une irritation, un besoin)').check();
  // The fields the box's rules require say so, in their label and to assistive technology.
  await expect(lucas.getByLabel('Résumé (obligatoire)', { exact: true })).toHaveAttribute('aria-required', 'true');
  await expect(lucas.getByLabel('Qui en souffre ? (obligatoire)', { exact: true })).toHaveAttribute(
    'aria-required',
    'true',
  );
  await expect(lucas.getByLabel('Unité concernée (obligatoire)', { exact: true })).toHaveAttribute(
    'aria-required',
    'true',
  );
  await expect(lucas.getByLabel('Description', { exact: true })).not.toHaveAttribute('aria-required', 'true');
  await lucas.getByLabel('Titre (obligatoire)', { exact: true }).fill(title);
  await lucas.getByRole('button', { name: 'Déposer l’idée' }).click();
  // The draft was saved before the refusal: the address moves to it, so a reload makes no second draft.
  await expect(lucas).toHaveURL(/\/ideas\/[0-9a-f-]+\/edit$/);
  const refusal = lucas.getByRole('alert');
  await expect(refusal).toContainText('corrigez les champs signalés : ');
  for (const field of ['Résumé', 'Unité concernée', 'Qui en souffre ?']) await expect(refusal).toContainText(field);
  await expect(lucas.getByText('Le brouillon est enregistré, mais pas encore déposé.')).toBeVisible();
  await expect(lucas.getByLabel('Titre (obligatoire)', { exact: true })).toHaveValue(title);
  await expect(lucas.getByLabel('Résumé')).toHaveAttribute('aria-invalid', 'true');
  await expect(lucas.getByLabel('Qui en souffre ?')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousAxeViolation(lucas);

  await lucas.getByLabel('Résumé').fill('Deux véhicules pour six soignants la nuit.');
  await lucas.getByLabel('Description').fill('Les tournées de nuit attendent un véhicule libre.');
  // The description is rich text, formatted from the keyboard: the toolbar is one tab stop before
  // the text, arrows move along it, Enter applies.
  await lucas.getByLabel('Description').press('ControlOrMeta+a');
  await lucas.keyboard.press('Shift+Tab');
  const toolbar = lucas.getByRole('toolbar', { name: 'Mise en forme' });
  await expect(toolbar.getByRole('button', { name: 'Gras' })).toBeFocused();
  await lucas.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italique' })).toBeFocused();
  await lucas.keyboard.press('ArrowLeft');
  await lucas.keyboard.press('Enter');
  await expect(toolbar.getByRole('button', { name: 'Gras' })).toHaveAttribute('aria-pressed', 'true');
  await lucas.getByLabel('Qui en souffre ?').fill('Les soignants de nuit et leurs patients');
  await lucas.getByLabel('À quelle fréquence ?').selectOption({ label: 'Tous les jours' });
  await lucas.getByLabel('Unité concernée').selectOption({ label: 'Service des soins à domicile' });
  await lucas.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(lucas.getByRole('status').filter({ hasText: 'Brouillon enregistré.' })).toBeVisible();
  await expect(lucas).toHaveURL(/\/ideas\/[0-9a-f-]+\/edit$/);

  // He invites Emily to co-author.
  await lucas.getByLabel('Inviter une personne (nom ou e-mail)').fill('Emily');
  await lucas.getByRole('button', { name: 'Inviter Emily Wilson' }).click();
  await expect(lucas.getByRole('region', { name: 'Co-autrices et co-auteurs' })).toContainText(
    'Emily Wilson — invitation envoyée',
  );

  // Emily (English) finds the invitation among her ideas and accepts.
  const emily = await signedInPage(browser, 'emily.wilson@eclore.example');
  await emily.goto('/my-ideas');
  const invitations = emily.getByRole('region', { name: /Invitations/ });
  await expect(invitations).toContainText(title);
  await invitations.getByRole('button', { name: new RegExp(`^(Accept|Accepter) : ${title}$`) }).click();
  await expect(emily.getByRole('region', { name: /Invitations/ })).toHaveCount(0);
  await expect(emily.getByRole('region', { name: /^(Drafts|Brouillons)$/ })).toContainText(title);

  // Lucas submits.
  await lucas.reload();
  await expect(lucas.getByRole('region', { name: 'Co-autrices et co-auteurs' })).toContainText(
    'Emily Wilson — a accepté',
  );
  await lucas.getByRole('button', { name: 'Déposer l’idée' }).click();
  await expect(lucas).toHaveURL(/\/ideas\/[0-9a-f-]+$/);
  const ideaUrl = new URL(lucas.url()).pathname;
  await expect(lucas.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(lucas.getByText('Déposée, en vérification')).toBeVisible();
  await expect(lucas.locator('.ec-idea__body strong')).toHaveText('Les tournées de nuit attendent un véhicule libre.');

  // Nathalie (network, health direction) takes it in from her intake queue.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await nathalie
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Idées à vérifier' })
    .click();
  await expect(nathalie.getByRole('heading', { level: 1 })).toHaveText('Idées à vérifier');
  await expect(nathalie.getByRole('link', { name: title })).toBeVisible();
  await expectNoSeriousAxeViolation(nathalie);
  await nathalie.getByRole('button', { name: `Accepter : ${title}` }).click();
  await expect(nathalie.getByRole('status').filter({ hasText: `« ${title} » est acceptée` })).toBeVisible();
  await expect(nathalie.getByRole('link', { name: title })).toHaveCount(0);

  // Anyone now sees it on its page, with its public history.
  const martine = await signedInPage(browser, 'martine.favre@eclore.example');
  await martine.goto(ideaUrl);
  await expect(martine.getByRole('heading', { level: 1 })).toHaveText(title);
  // The idea's facts (a description list): its stage and its author, read beside their terms (the
  // timeline and the engagement panels below also mention the stage and people).
  const fact = (term: string) => martine.locator(`dt:text-is("${term}") + dd`);
  await expect(fact('Étape')).toContainText('Rendue visible');
  await expect(fact('Autrice ou auteur')).toHaveText('Lucas Girard');
  await expect(martine.getByRole('region', { name: 'Historique' })).toContainText(
    'Acceptée et rendue visible — Nathalie Gagnon',
  );
  await expectNoSeriousAxeViolation(martine);
});
