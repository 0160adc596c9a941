import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

// Sébastien Vuilleumier and Marie-Ève Ouellet are used by no other browser test.
const GRANTEE = { search: 'vuilleumier', link: 'Vuilleumier Sébastien', name: 'Sébastien Vuilleumier' };
const SECOND_ADMIN = { search: 'ouellet', link: 'Ouellet Marie-Ève', email: 'marie-eve.ouellet@eclore.example' };

test.describe('separation of duties (fr-CH)', () => {
  test('the guardian role takes effect only when a second admin approves it', async ({ browser }) => {
    // Two admins, a grant, a request and its approval: over 30 s on a loaded machine.
    test.slow();
    const claire = await signedInPage(browser, 'claire.rochat@eclore.example');

    // A second admin, granted at once (only the guardian role needs approval).
    await claire.goto(`/admin?q=${SECOND_ADMIN.search}`);
    await claire.getByRole('link', { name: SECOND_ADMIN.link }).click();
    await claire.getByLabel('Rôle', { exact: true }).selectOption('admin');
    await claire.getByRole('button', { name: 'Attribuer le rôle' }).click();
    await expect(claire.locator('[data-role="admin"]')).toBeVisible();

    // Claire asks for the guardian role: a request, not a grant.
    await claire.goto(`/admin?q=${GRANTEE.search}`);
    await claire.getByRole('link', { name: GRANTEE.link }).click();
    await claire.getByLabel('Rôle', { exact: true }).selectOption('anonymity_guardian');
    await expect(claire.getByText('Séparation des tâches')).toBeVisible();
    await claire.getByRole('button', { name: 'Attribuer le rôle' }).click();
    await expect(claire.getByRole('status').filter({ hasText: 'Attribution demandée' })).toBeVisible();
    await expect(claire.locator('[data-role="anonymity_guardian"]')).toHaveCount(0);
    const pending = claire.getByRole('region', { name: 'Attributions en attente d’un second administrateur' });
    await expect(pending).toContainText(`${GRANTEE.name} — Tiers de confiance, demandé par Claire Rochat`);
    await expect(pending.getByRole('button', { name: /^Approuver/ })).toHaveCount(0);
    await expect(pending).toContainText('En attente de l’approbation d’un autre administrateur.');
    await expectNoSeriousAxeViolation(claire);

    // The second admin sees it and approves it.
    const other = await signedInPage(browser, SECOND_ADMIN.email);
    await other.goto('/admin');
    await other
      .getByRole('button', { name: `Approuver le rôle Tiers de confiance pour ${GRANTEE.name}` })
      .click();
    await expect(other.getByRole('region', { name: 'Attributions en attente d’un second administrateur' })).toHaveCount(
      0,
    );

    await claire.reload();
    await expect(claire.locator('[data-role="anonymity_guardian"]')).toBeVisible();
    await other.context().close();
    await claire.context().close();
  });
});
