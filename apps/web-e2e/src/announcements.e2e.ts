import { expect, test } from '@playwright/test';
import { createCampaign, listOrgUnits } from '@eclore/api-client';
import { as, expectNoSeriousAxeViolation, signedInPage } from './support';

test('a network member announces a campaign to its audience (confirmation with its size, progress, result); a person in the audience finds it in their centre', async ({
  browser,
}) => {
  test.slow(); // two people, a fan-out through the worker, four accessibility checks
  const tag = Date.now().toString(36);
  // Nathalie (network member scoped to the health direction) sets up a campaign for the night unit.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  const { data: units } = await listOrgUnits(await as(nathalie));
  const night = units.find((u) => u.code === 'DS-SOINS-NUIT')!;
  const { data: campaign } = await createCampaign({
    ...(await as(nathalie)),
    body: {
      title: `Nuits calmes ${tag}`,
      question: `Comment pourrions-nous rendre les nuits plus calmes ? (${tag})`,
      audienceOrgUnitIds: [night.id],
      phases: [],
    },
  });

  await nathalie.goto(`/campaigns/${campaign.id}`);
  const panel = nathalie.getByRole('region', { name: 'Annonce de l’appel à idées' });
  await expect(panel).toContainText('L’annonce prévient 4 personnes de l’audience');
  await expectNoSeriousAxeViolation(nathalie);
  await panel.getByRole('button', { name: 'Annoncer l’appel à idées' }).click();
  const dialog = nathalie.getByRole('dialog', { name: 'Annoncer l’appel à idées ?' });
  await expect(dialog).toContainText('4 personnes seront prévenues.');
  await expectNoSeriousAxeViolation(nathalie);
  await dialog.getByRole('button', { name: 'Annoncer', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Appel à idées annoncé : 4 personnes prévenues', {
    timeout: 30_000,
  });
  await expect(panel.getByRole('progressbar', { name: 'Personnes prévenues dans Éclore' })).toHaveAttribute(
    'value',
    '4',
  );
  await expect(panel.getByRole('button', { name: 'Annoncer l’appel à idées' })).toHaveCount(0);
  await expectNoSeriousAxeViolation(nathalie);

  // Laurent works nights: the announcement is in his centre and leads to the campaign.
  const laurent = await signedInPage(browser, 'laurent.jaquet@eclore.example');
  await laurent.goto('/notifications');
  const group = laurent.getByRole('region', { name: `Nuits calmes ${tag}` });
  await expect(group.getByRole('link', { name: 'Un nouvel appel à idées vous est ouvert' })).toHaveAttribute(
    'href',
    `/campaigns/${campaign.id}`,
  );
  await expectNoSeriousAxeViolation(laurent);

  // An employee sees no announce panel on the campaign page.
  await laurent.goto(`/campaigns/${campaign.id}`);
  await expect(laurent.getByRole('heading', { level: 1 })).toHaveText(`Nuits calmes ${tag}`);
  await expect(laurent.getByRole('region', { name: 'Annonce de l’appel à idées' })).toHaveCount(0);
});
