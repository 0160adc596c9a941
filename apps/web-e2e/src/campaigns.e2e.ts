import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

test('a network member launches a call for ideas with two phases → an employee sees it and can propose an idea', async ({
  browser,
}) => {
  const tag = Date.now().toString(36);
  const question = `Comment pourrions-nous partager les salles de réunion ? (${tag})`;

  // Julien (network member, whole organisation) opens the editor from the list.
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  await julien.goto('/campaigns');
  await julien.getByRole('link', { name: 'Lancer un appel à idées' }).click();
  await expect(julien.getByRole('heading', { level: 1 })).toHaveText('Nouvel appel à idées');
  await julien.getByLabel('Titre', { exact: true }).fill(`Salles de réunion ${tag}`);
  await julien.getByLabel('Question', { exact: true }).fill(question);
  await julien.getByLabel('Présentation').fill('Trop de salles réservées restent vides.');

  // Two phases: the first (from now, ideas open), the second where the first ends (supports).
  await julien.getByRole('button', { name: 'Ajouter une phase' }).click();
  await julien.getByRole('button', { name: 'Ajouter une phase' }).click();
  const first = julien.getByRole('group', { name: 'Phase 1' });
  const second = julien.getByRole('group', { name: 'Phase 2' });
  await first.getByLabel('Nom de la phase').fill('Dépôt des idées');
  await second.getByLabel('Nom de la phase').fill('Soutiens');
  await expect(first.getByRole('switch', { name: 'Dépôt d’idées ouvert' })).toBeChecked();
  await expect(second.getByRole('switch', { name: 'Dépôt d’idées ouvert' })).not.toBeChecked();

  // An overlap is refused and named next to the field.
  const secondStart = await second.getByLabel('Début').inputValue();
  await second.getByLabel('Début').fill(await first.getByLabel('Début').inputValue());
  await julien.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(julien.getByRole('alert')).toContainText('Certains champs sont à corriger.');
  await expect(second.getByLabel('Début')).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toContainText('Cette phase commence avant la fin de la précédente.');
  await expectNoSeriousAxeViolation(julien);
  await second.getByLabel('Début').fill(secondStart);

  await julien.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(julien).toHaveURL(/\/campaigns\/[0-9a-f-]+$/);
  await expect(julien.getByText(question)).toBeVisible();
  await expect(julien.getByText(/^Phase en cours : Dépôt des idées/)).toBeVisible();
  await expect(julien.getByRole('region', { name: 'Calendrier' }).getByRole('listitem')).toHaveCount(2);
  const campaignPath = new URL(julien.url()).pathname;

  // Lucas (employee) finds it among the current calls, the question first, and is invited to propose.
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  await lucas.goto('/campaigns');
  const current = lucas.getByRole('region', { name: 'En cours' });
  await expect(current.getByRole('heading', { name: question })).toBeVisible();
  await expect(lucas.getByRole('link', { name: 'Lancer un appel à idées' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(lucas);
  await current.getByRole('link', { name: question }).click();
  await expect(lucas).toHaveURL(new RegExp(`${campaignPath}$`));
  const propose = lucas.getByRole('link', { name: 'Proposer une idée' });
  await expect(propose).toHaveAttribute('href', `/ideas/new?campaign=${campaignPath.split('/').pop()}`);
  await expect(lucas.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(lucas);
});
