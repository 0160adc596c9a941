import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  countMyUnreadNotifications,
  followIdea,
  listNotificationDeliveries,
  runNotificationDigest,
  type DeliveryDto,
} from '@eclore/api-client';
import { as, publishedProblem, signedInPage } from './support';

const FOLLOWER = 'kevin.nguyen@eclore.example';

async function digestsTo(admin: Page, email: string): Promise<DeliveryDto[]> {
  const { data } = await listNotificationDeliveries(await as(admin));
  return data.deliveries.filter((d) => d.kind === 'digest' && d.recipientEmail === email);
}

test('a comment on a followed idea reaches the follower’s notification centre, then their daily digest once', async ({
  browser,
}) => {
  test.slow(); // four people, the worker twice through the outbox, three digest runs
  const title = `Navette du matin ${Date.now().toString(36)}`;
  // Set-up through the API: Lucas submits a problem, Julien (innovation network) accepts it.
  const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
  const julien = await signedInPage(browser, 'julien.tremblay@eclore.example');
  const idea = await publishedProblem(lucas, julien, {
    title,
    summary: 'La navette part avant la fin de la relève.',
    bodyHtml: '<p>On la rate tous les jours.</p>',
    whoSuffers: 'L’équipe de nuit',
    frequency: 'daily',
  });

  // Kevin follows it; Aurélie comments on it in the browser.
  const kevin = await signedInPage(browser, FOLLOWER);
  await followIdea({ ...(await as(kevin)), path: { id: idea.id } });
  const aurelie = await signedInPage(browser, 'aurelie.monnier@eclore.example');
  await aurelie.goto(`/ideas/${idea.id}`);
  await aurelie.getByLabel('Votre commentaire').fill('Même souci au bâtiment B.');
  await aurelie.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(aurelie.getByRole('article', { name: 'Aurélie Monnier' })).toContainText('Même souci au bâtiment B.');

  // Kevin's bell counts it (the worker writes it through the outbox); his centre shows it under the idea.
  await kevin.goto('/');
  const bell = kevin.getByRole('link', { name: /^Notifications, \d+ non lues?$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await expect(kevin.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const group = kevin.getByRole('region', { name: title });
  // The bell may already count notifications from the demo data; the comment's arrives when the
  // worker has processed its event, so reload until its group is there.
  await expect(async () => {
    await kevin.reload();
    await expect(group).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(group.getByRole('link', { name: 'Aurélie Monnier a commenté' })).toHaveAttribute(
    'href',
    new RegExp(`/ideas/${idea.id}#comment-`),
  );
  const axe = await new AxeBuilder({ page: kevin }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await group.getByRole('button', { name: 'Marquer comme lue' }).click();
  await expect(group.getByRole('button', { name: 'Marquer comme lue' })).toHaveCount(0);

  // The daily digest at 07:00 tomorrow (the test clock, admin-only and test-only): one e-mail with the
  // comment, sent once.
  const admin = await signedInPage(browser, 'claire.rochat@eclore.example');
  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(7, 0, 0, 0);
  const runDigest = async () => {
    const { response } = await runNotificationDigest({
      ...(await as(admin)),
      body: { frequency: 'daily', now: tomorrow.toISOString() },
    });
    expect(response.status).toBe(202);
  };
  await runDigest();
  await expect
    .poll(async () => (await digestsTo(admin, FOLLOWER)).map((d) => [d.status, d.items]), { timeout: 20_000 })
    .toEqual([['sent', 1]]);
  // Again the same morning: nothing new, nothing sent. The next morning carries only what came since.
  await runDigest();
  // Kevin may have unread notifications from the demo data: count from here.
  const unread = async () => (await countMyUnreadNotifications(await as(kevin))).data.unread;
  const before = await unread();
  await aurelie.getByLabel('Votre commentaire').fill('Et le samedi aussi.');
  await aurelie.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(aurelie.getByRole('article', { name: 'Aurélie Monnier' })).toHaveCount(2);
  await expect.poll(unread, { timeout: 20_000 }).toBe(before + 1);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  await runDigest();
  await expect
    .poll(async () => (await digestsTo(admin, FOLLOWER)).map((d) => [d.status, d.items]), { timeout: 20_000 })
    .toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  await kevin.close();
});
