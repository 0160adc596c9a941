import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolation, publishedProblem, sessionOf, signedInPage } from './support';

/** The PDF's text as a reader's copy would give it (pdf.js through the fonts' ToUnicode maps). */
async function pdfText(path: string): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
    parser.getText().then((r) => process.stdout.write(r.text)).finally(() => parser.destroy());`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, path], { maxBuffer: 10 * 1024 * 1024 });
  // One space for every run of spaces and line breaks: a long title wraps at the page's edge.
  return stdout.normalize('NFC').replace(/\s+/g, ' ');
}

// The recognition workflow (docs/recognition.md §3): Lucas's idea is accepted, the worker opens
// "recognition due" for him; HR (Martine Favre) records an award on the recognition screen; Lucas
// finds it on his profile at 390 px, downloads the certificate (read back: his name, the idea, in
// French, his language) and declines public recognition.
test.describe('recognition', () => {
  test('HR recognises a person, who sees it on their profile and downloads the certificate', async ({ browser }) => {
    test.setTimeout(120_000);
    const lucas = await signedInPage(browser, 'lucas.girard@eclore.example');
    const network = await signedInPage(browser, 'julien.tremblay@eclore.example');
    const title = `Un badge unique pour tous les sites ${Date.now()}`;
    const idea = await publishedProblem(lucas, network, { title });
    await network.context().close();
    const { person } = await sessionOf(lucas);

    const hr = await signedInPage(browser, 'martine.favre@eclore.example');
    await hr.goto('/');
    await hr.getByRole('link', { name: 'Reconnaissances à faire' }).first().click();
    await expect(hr.getByRole('heading', { level: 1 })).toHaveText('Reconnaissances à faire');
    const row = hr.getByTestId('recognition-row').filter({ hasText: title });
    const more = hr.getByRole('button', { name: 'Afficher plus' });
    // The worker opens the item a moment after the acceptance: reload until it is there. The queue is
    // oldest first and every idea accepted by the other tests opens items too, so page through it.
    await expect(async () => {
      await hr.reload();
      await expect(hr.getByTestId('recognition-row').first()).toBeVisible({ timeout: 5_000 });
      while (!(await row.isVisible()) && (await more.isVisible())) {
        const shown = await hr.getByTestId('recognition-row').count();
        await more.click();
        await expect(hr.getByTestId('recognition-row')).not.toHaveCount(shown, { timeout: 5_000 });
      }
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expect(row).toContainText(`${person.givenName} ${person.familyName}`);
    await expect(row).toContainText('Idée publiée');
    await expectNoSeriousAxeViolation(hr);
    // HR chooses the milestones that open recognition (all four by default).
    const milestones = hr.getByRole('group', { name: 'Jalons' }).getByRole('checkbox');
    await expect(milestones).toHaveCount(4);
    for (const box of await milestones.all()) await expect(box).toBeChecked();
    // The recogniser's screen and its dialog work on a phone too.
    await hr.setViewportSize({ width: 390, height: 844 });
    expect(await hr.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await row.getByRole('button', { name: 'Reconnaître' }).click();
    const dialog = hr.getByRole('dialog', { name: `Reconnaître ${person.givenName} ${person.familyName}` });
    await dialog.getByLabel('Forme').selectOption('award');
    await dialog.getByRole('button', { name: 'Enregistrer la reconnaissance' }).click();
    // An empty message is refused by the server, named on its field.
    await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible();
    await dialog.getByLabel('Message').fill('Merci Lucas : ce badge a simplifié la vie de tous les sites.');
    await dialog.getByRole('checkbox', { name: /Publique/ }).check();
    await dialog.getByRole('button', { name: 'Enregistrer la reconnaissance' }).click();
    await expect(hr.getByText('Reconnaissance enregistrée : la personne en est informée.')).toBeVisible();
    await expect(dialog).toBeHidden();
    // Recorded: no longer in the "to do" list.
    await expect(row).toHaveCount(0);
    await hr.context().close();

    await lucas.setViewportSize({ width: 390, height: 844 });
    await lucas.goto('/profile');
    const panel = lucas.getByRole('region', { name: 'Mes reconnaissances' });
    const card = panel.getByTestId('my-recognition').filter({ hasText: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Prix ou distinction');
    await expect(card).toContainText('Merci Lucas : ce badge a simplifié la vie de tous les sites.');
    await expect(card).toContainText('Publique');
    await expect(card.getByRole('link', { name: title })).toHaveAttribute('href', `/ideas/${idea.id}`);

    const [download] = await Promise.all([
      lucas.waitForEvent('download'),
      card.getByRole('link', { name: 'Télécharger le certificat (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificat-reconnaissance-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = await download.path();
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file);
    for (const line of ['Certificat de reconnaissance', 'Lucas Girard', `« ${title} »`, 'Prix ou distinction'])
      expect(text).toContain(line);

    // Public: on the idea's page for everyone who reads the idea.
    await lucas.goto(`/ideas/${idea.id}`);
    const onIdea = lucas.getByRole('region', { name: 'Reconnaissances' });
    await expect(onIdea.getByTestId('idea-recognition')).toContainText(`${person.givenName} ${person.familyName}`);
    await expect(onIdea).toContainText('Prix ou distinction');
    await lucas.goto('/profile');

    await card.getByRole('button', { name: 'Refuser la reconnaissance publique' }).click();
    await lucas.getByRole('dialog').getByRole('button', { name: 'Rendre privée' }).click();
    await expect(card).toContainText('Vous l’avez rendue privée.');
    await expect(card).toContainText('Privée');
    await expect(card.getByRole('button', { name: 'Refuser la reconnaissance publique' })).toHaveCount(0);
    // Declined: gone from the idea's page, for good.
    await lucas.goto(`/ideas/${idea.id}`);
    await expect(lucas.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(lucas.getByTestId('idea-recognition')).toHaveCount(0);
    await lucas.goto('/profile');
    await expect(card).toBeVisible();
    expect(await lucas.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(lucas);
    await lucas.context().close();
  });
});
