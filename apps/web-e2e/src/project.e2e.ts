import { expect, test, type Page } from '@playwright/test';
import {
  addMilestone,
  adoptInMyUnit,
  expectNoSeriousAxeViolation,
  goLive,
  markMilestoneDone,
  nameProjectOwner,
  signedInPage,
} from './support';

// The implementation project and replication (issue 13 items 3 and 6) in the browser, as Julien
// Tremblay (network member for the whole organisation): he names himself owner of an idea the
// committee decided to implement, plans three milestones, brings them to done, goes live, then adopts
// the idea in another unit; the lineage shows on both idea pages.

interface Card {
  id: string;
  title: string;
}

/** An idea in implement (demo data) that has no project yet: the owner is still to be named. */
async function ideaToImplement(page: Page): Promise<Card> {
  const board = (await (await page.request.get('/api/portfolio?limit=50')).json()) as {
    columns: { status: string; items: Card[] }[];
  };
  const cards = board.columns.find((c) => c.status === 'implement')?.items ?? [];
  for (const card of cards) {
    const view = (await (await page.request.get(`/api/ideas/${card.id}/project`)).json()) as { project: unknown };
    if (view.project === null) return card;
  }
  throw new Error('no idea in implement without a project in the demo data');
}

test('a project with three milestones reaches done and goes live; adopted by another unit, the lineage shows on both', async ({
  browser,
}) => {
  test.slow();
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const idea = await ideaToImplement(julien);
  await julien.goto(`/ideas/${idea.id}`);
  const project = julien.getByRole('region', { name: 'Mise en œuvre', exact: true });
  await expect(project).toContainText('Responsable à nommer');

  // Naming the owner starts the project.
  await nameProjectOwner(julien, project, 'Tremblay', /Julien Tremblay/);
  await expect(project).toContainText('Julien Tremblay');

  // Three milestones.
  const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const milestones = [
    { title: 'Former les équipes', weight: 30, dueOn },
    { title: 'Ouvrir le service', weight: 50, dueOn },
    { title: 'Premier bilan', weight: 20, dueOn },
  ];
  for (const milestone of milestones) await addMilestone(julien, project, milestone);
  await expect(project.getByRole('table').first()).toContainText('Premier bilan');
  await expectNoSeriousAxeViolation(julien);

  // Going live before the milestones are done is refused, with the reason.
  await expect(project).toContainText('Mise en service impossible');

  // Each milestone done: 100 %, status done.
  for (const { title } of milestones) await markMilestoneDone(julien, project, title);
  await expect(project.getByTestId('project-progress')).toHaveText('100 %');
  await expect(project).toContainText('Terminé');

  // Go live.
  await goLive(julien, project);

  // Adopted in another unit.
  const lineage = await adoptInMyUnit(julien, {
    unit: 'Service du budget et du contrôle de gestion',
    ownerSearch: 'Tremblay',
    owner: /Julien Tremblay/,
  });
  await expect(lineage.getByTestId('lineage-by')).toContainText('Service du budget et du contrôle de gestion');

  // The replica's page says where it comes from, crediting the original's authors.
  await lineage.getByRole('link', { name: 'Voir l’idée adoptée' }).click();
  const from = julien.getByRole('region', { name: 'Essaimage' }).getByTestId('lineage-from');
  await expect(from).toContainText(`Adoptée depuis ${idea.title}`);
  await expect(from).toContainText(`Mérite : les auteur·es de « ${idea.title} »`);
  await expectNoSeriousAxeViolation(julien);

  // At 390 px the project page fits the screen.
  await julien.setViewportSize({ width: 390, height: 800 });
  await julien.goto(`/ideas/${idea.id}`);
  await expect(julien.getByRole('region', { name: 'Mise en œuvre', exact: true })).toBeVisible();
  const overflow = await julien.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
