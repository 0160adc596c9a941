import { expect, test, type Page, type Response } from '@playwright/test';
import { PASSWORD, expectNoSeriousAxeViolation, sessionOf, signedInPage } from './support';

// Issue 4's end-to-end walk, in the browser with the demo accounts (docs/demo-accounts.md). People
// that no other browser test uses play the parts, so running beside those tests changes nothing
// they count (invitations, drafts, supports).

/** Fills the new-idea form with a complete problem in the health direction (the scoped network member's). */
async function fillProblem(page: Page, title: string, summary: string): Promise<void> {
  await page.goto('/ideas/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle idée');
  await page.getByLabel('un problème (une irritation, un besoin)').check();
  await page.getByLabel('Titre (obligatoire)', { exact: true }).fill(title);
  await page.getByLabel('Résumé').fill(summary);
  await page.getByLabel('Description').fill('Le contexte, avec des exemples de la semaine passée.');
  await page.getByLabel('Qui en souffre ?').fill('Les équipes de soins à domicile');
  await page.getByLabel('À quelle fréquence ?').selectOption({ label: 'Chaque semaine' });
  await page.getByLabel('Unité concernée').selectOption({ label: 'Service des soins à domicile' });
}

/** Nathalie (network, health direction) accepts the idea from her intake queue. */
async function acceptFromIntake(nathalie: Page, title: string): Promise<void> {
  await nathalie.goto('/intake');
  await expect(nathalie.getByRole('heading', { level: 1 })).toHaveText('Idées à vérifier');
  await expect(nathalie.getByRole('link', { name: title })).toBeVisible();
  await nathalie.getByRole('button', { name: `Accepter : ${title}` }).click();
  await expect(nathalie.getByRole('status').filter({ hasText: `« ${title} » est acceptée` })).toBeVisible();
  await expect(nathalie.getByRole('link', { name: title })).toHaveCount(0);
}

test('draft with a co-author → submit → intake accepts → wall → accent-less search → support, comment, follow', async ({
  browser,
}) => {
  // Four people's sessions over a dozen screens: long, and slow on a loaded machine.
  test.slow();
  const token = `zq${Date.now().toString(36)}`;
  const title = `Réservations des salles de réunion ${token}`;

  // Olivier drafts a problem with an accented French title and saves it.
  const author = await signedInPage(browser, 'olivier.pelletier@eclore.example');
  await fillProblem(author, title, 'Les salles sont réservées puis laissées vides.');
  await author.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Brouillon enregistré.' })).toBeVisible();
  await expect(author).toHaveURL(/\/ideas\/[0-9a-f-]+\/edit$/);

  // He invites Thomas to co-author; Thomas accepts from his ideas.
  await author.getByLabel('Inviter une personne (nom ou e-mail)').fill('Berthoud');
  await author.getByRole('button', { name: 'Inviter Thomas Berthoud' }).click();
  const coAuthors = author.getByRole('region', { name: 'Co-autrices et co-auteurs' });
  await expect(coAuthors).toContainText('Thomas Berthoud — invitation envoyée');
  const thomas = await signedInPage(browser, 'thomas.berthoud@eclore.example');
  await thomas.goto('/my-ideas');
  const invitations = thomas.getByRole('region', { name: 'Invitations à co-écrire' });
  await expect(invitations).toContainText(title);
  await invitations.getByRole('button', { name: `Accepter : ${title}` }).click();
  await expect(thomas.getByRole('region', { name: 'Brouillons' })).toContainText(title);

  // Olivier submits.
  await author.reload();
  await expect(author.getByRole('region', { name: 'Co-autrices et co-auteurs' })).toContainText(
    'Thomas Berthoud — a accepté',
  );
  await author.getByRole('button', { name: 'Déposer l’idée' }).click();
  await expect(author).toHaveURL(/\/ideas\/[0-9a-f-]+$/);
  const ideaPath = new URL(author.url()).pathname;
  await expect(author.getByText('Déposée, en vérification')).toBeVisible();

  // Nathalie (network member, scoped to the health direction) accepts it from her intake queue.
  const nathalie = await signedInPage(browser, 'nathalie.gagnon@eclore.example');
  await acceptFromIntake(nathalie, title);

  // Mélanie, a third employee, types the title without accents on the wall and finds it alone.
  const melanie = await signedInPage(browser, 'melanie.roy@eclore.example');
  await melanie.goto('/ideas');
  await expect(melanie.getByRole('heading', { level: 1 })).toHaveText('Le mur des idées');
  await melanie.getByRole('searchbox', { name: 'Rechercher' }).fill(`reservations salles reunion ${token}`);
  await melanie.getByRole('button', { name: 'Rechercher', exact: true }).click();
  const results = melanie.getByRole('list', { name: 'Idées' });
  await expect(results.getByRole('article')).toHaveCount(1);
  const card = results.getByRole('article', { name: title });
  await expect(card).toContainText('Rendue visible');
  await card.getByRole('link', { name: title }).click();
  await expect(melanie).toHaveURL(new RegExp(`${ideaPath}$`));
  await expect(melanie.getByRole('heading', { level: 1 })).toHaveText(title);
  const fact = (term: string) => melanie.locator(`dt:text-is("${term}") + dd`);
  await expect(fact('Autrice ou auteur')).toHaveText('Olivier Pelletier');
  await expect(fact('Co-auteurs')).toContainText('Thomas Berthoud');

  // She says "me too", comments and follows; all of it holds after a reload.
  const support = melanie.getByRole('button', { name: /^Moi aussi/ });
  await expect(support).toHaveText('Moi aussi · 0');
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(support).toHaveText('Moi aussi · 1');
  await melanie.getByLabel('Votre commentaire').fill('Même constat au deuxième étage.');
  await melanie.getByRole('button', { name: 'Publier', exact: true }).click();
  const comments = melanie.getByRole('region', { name: /^Commentaires/ });
  await expect(comments.getByRole('article', { name: 'Mélanie Roy' })).toContainText('Même constat au deuxième étage.');
  await expect(comments.getByRole('heading', { level: 2 })).toContainText('1 commentaire');
  await melanie.getByRole('button', { name: 'Suivre' }).click();
  await expect(melanie.getByRole('button', { name: 'Suivie' })).toHaveAttribute('aria-pressed', 'true');
  await melanie.reload();
  await expect(melanie.getByRole('button', { name: /^Moi aussi/ })).toHaveText('Moi aussi · 1');
  await expect(melanie.getByRole('button', { name: 'Suivie' })).toHaveAttribute('aria-pressed', 'true');
  await expect(melanie.getByRole('region', { name: /^Commentaires/ })).toContainText('Même constat au deuxième étage.');

  // The author sees the support counted on his idea.
  await author.reload();
  await expect(author.getByText('1 soutien', { exact: true })).toBeVisible();
});

/** Every /api response body a page receives, kept with its address, until `bodies()` is awaited. */
function recordApiResponses(page: Page): () => Promise<{ url: string; body: string }[]> {
  const pending: Promise<{ url: string; body: string }>[] = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    pending.push(
      response.text().then(
        (body) => ({ url: response.url(), body }),
        // A body that is gone (a redirect, a page that moved on) cannot leak anything to this page.
        () => ({ url: response.url(), body: '' }),
      ),
    );
  });
  return async () => Promise.all(pending);
}

test('an anonymous idea: its author is in no response to any role, sees themselves, and only the guardian reveals them', async ({
  browser,
}) => {
  // Six people sign in and every API answer of their walk is scanned: 1.5 min on a busy 2-core machine.
  test.setTimeout(180_000);
  const title = `Horaires décalés anonymes ${Date.now().toString(36)}`;

  // Fatima submits a problem anonymously.
  const fatima = await signedInPage(browser, 'fatima.benali@eclore.example');
  const me = (await sessionOf(fatima)).person;
  await fillProblem(fatima, title, 'Les changements d’horaire arrivent la veille.');
  await fatima.getByLabel('Déposer anonymement').check();
  await fatima.getByRole('button', { name: 'Déposer l’idée' }).click();
  await expect(fatima).toHaveURL(/\/ideas\/[0-9a-f-]+$/);
  const ideaId = new URL(fatima.url()).pathname.split('/').pop() ?? '';
  await expect(fatima.getByText('Déposée, en vérification')).toBeVisible();
  // She sees herself as its author, marked anonymous.
  const authorFact = fatima.locator('dt:text-is("Autrice ou auteur") + dd');
  await expect(authorFact).toContainText(`${me.givenName} ${me.familyName}`);
  await expect(authorFact).toContainText('déposer anonymement');

  const secrets = [me.id, me.givenName, me.familyName, me.email];
  const visitAndScan = async (email: string, visit: (page: Page) => Promise<void>): Promise<void> => {
    const context = await browser.newContext({ locale: 'fr-CH' });
    const page = await context.newPage();
    const bodies = recordApiResponses(page);
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('button', { name: /^(Compte :|Account:)/ })).toBeVisible();
    await visit(page);
    const seen = await bodies();
    // The walk really went through the API (the wall and the idea at least).
    expect(
      seen.some((r) => r.body.includes(ideaId)),
      `${email} received the idea`,
    ).toBe(true);
    const leaks = seen.flatMap((r) => secrets.filter((s) => r.body.includes(s)).map((s) => `${r.url} contains ${s}`));
    expect(leaks, `responses to ${email}`).toEqual([]);
    await context.close();
  };

  const openIdea = async (page: Page) => {
    await page.goto(`/ideas/${ideaId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('dt:text-is("Autrice ou auteur") + dd')).toHaveText('Idée anonyme');
  };
  const openWall = async (page: Page) => {
    await page.goto('/ideas');
    await expect(page.getByRole('article', { name: title })).toBeVisible();
  };
  // The intake and moderation desks this person's menu offers, each opened; returns their names.
  const openDesksInMenu = async (page: Page): Promise<string[]> => {
    const opened: string[] = [];
    for (const desk of ['Idées à vérifier', 'Modération']) {
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      const link = nav.getByRole('link', { name: desk, exact: true });
      if ((await link.count()) === 0) continue;
      await link.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(desk);
      // Let the desk's list arrive before moving on (its body is what gets scanned).
      await expect(page.getByRole('status').filter({ hasText: '…' })).toHaveCount(0);
      opened.push(desk);
    }
    return opened;
  };

  // The network member sees it waiting in intake (as an anonymous idea) and accepts it; then the wall,
  // the idea page and moderation.
  await visitAndScan('nathalie.gagnon@eclore.example', async (page) => {
    await page.goto('/intake');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('Idée anonyme');
    await page.getByRole('button', { name: `Accepter : ${title}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `« ${title} » est acceptée` })).toBeVisible();
    await openWall(page);
    await openIdea(page);
    expect(await openDesksInMenu(page)).toEqual(['Idées à vérifier', 'Modération']);
  });
  // An employee, a committee member, HR and an administrator: the wall, the idea page and whichever
  // of the intake and moderation desks their menu offers.
  for (const email of [
    'isabelle.perret@eclore.example',
    'philippe.morel@eclore.example',
    'martine.favre@eclore.example',
    'claire.rochat@eclore.example',
  ]) {
    await visitAndScan(email, async (page) => {
      await openWall(page);
      await openIdea(page);
      await openDesksInMenu(page);
    });
  }

  // The author still sees herself on the published idea.
  await fatima.reload();
  await expect(authorFact).toContainText(`${me.givenName} ${me.familyName}`);

  // The anonymity guardian reveals the author from the idea page: a reason is required, the
  // confirmation says the reveal is audited, and the author is shown in that view only.
  const helene = await signedInPage(browser, 'helene.dubois@eclore.example');
  await helene.goto(`/ideas/${ideaId}`);
  await expect(helene.locator('dt:text-is("Autrice ou auteur") + dd')).toHaveText('Idée anonyme');
  const anonymity = helene.getByRole('region', { name: 'Anonymat' });
  await anonymity.getByRole('button', { name: 'Lever l’anonymat' }).click();
  await anonymity.getByRole('button', { name: 'Continuer' }).click();
  await expect(anonymity.getByText('Indiquez pourquoi vous levez l’anonymat.')).toBeVisible();
  const reason = `Signalement de harcèlement à traiter ${Date.now().toString(36)}`;
  await anonymity.getByLabel('Motif de la levée (obligatoire)').fill(reason);
  await anonymity.getByRole('button', { name: 'Continuer' }).click();
  const confirm = helene.getByRole('dialog', { name: 'Lever l’anonymat de cette idée ?' });
  await expect(confirm).toContainText('journal d’audit');
  await expectNoSeriousAxeViolation(helene);
  await confirm.getByRole('button', { name: 'Lever l’anonymat' }).click();
  const revealed = anonymity.getByRole('region', { name: 'Autrice ou auteur de l’idée' });
  await expect(revealed).toContainText(`${me.givenName} ${me.familyName}`);
  await expect(revealed).toContainText(me.email);
  await expectNoSeriousAxeViolation(helene);
  // Not kept anywhere: back on the page, the idea is anonymous again until the next audited reveal.
  await helene.reload();
  await expect(helene.locator('dt:text-is("Autrice ou auteur") + dd')).toHaveText('Idée anonyme');
  await expect(helene.getByText(me.email)).toHaveCount(0);

  // The administrator finds the reveal in the audit log: who, on which idea, why.
  const claire = await signedInPage(browser, 'claire.rochat@eclore.example');
  await claire.goto(`/admin/audit?subjectType=idea&subjectId=${ideaId}`);
  const row = claire.locator('tbody tr[data-action="idea.author_revealed"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Hélène Dubois');
  await expect(row).toContainText('Anonymat levé');
  await expect(row).toContainText(reason);
  await claire.context().close();
  await helene.context().close();
});
