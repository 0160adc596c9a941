import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { listOrgUnits } from '@eclore/api-client';
import { as, expectNoSeriousAxeViolation, signedInPage, submittedProblem } from './support';

/** A PDF's text, by pdf-parse (pdf.js) in a child Node process, as a reader's copy would give it. */
async function pdfText(content: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: Buffer.from(process.argv[1], 'base64') });
    parser.getText().then((r) => process.stdout.write(r.text)).finally(() => parser.destroy());`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, content.toString('base64')], {
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout.normalize('NFC');
}

// The HR dashboard (docs/recognition.md §5–§6) and "My contributions" as a PDF (§1).
test.describe('HR dashboard and my contributions PDF', () => {
  test('HR opens the figures, changes year and unit, drills down, reads a chart and its table, at 390 px', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'martine.favre@eclore.example');
    const units = (await listOrgUnits({ ...(await as(page)) })).data!;
    const unitId = (code: string) => units.find((u) => u.code === code)!.id;
    const year = new Date().getUTCFullYear();

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Chiffres de l’innovation' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chiffres de l’innovation participative');
    const figures = page.getByTestId('annual-figures');
    await expect(figures).toHaveAttribute('data-year', String(year));
    await expect(figures).toHaveAttribute('data-scope', '');
    // The charter's order.
    await expect(figures.getByRole('heading', { level: 2 })).toHaveText([
      'Participation',
      'Idées pour 100 agents',
      'Entonnoir',
      'Délais de réponse et de décision',
      'Réponses dans le délai garanti',
      'Expérimentations',
      'Idées mises en œuvre',
      'Impact prévu et constaté',
      'Essaimages',
      'Personnes reconnues',
      'Données saisies par les RH',
      'Évolution sur un an',
    ]);

    // Year, then unit.
    await page.getByLabel('Année', { exact: true }).selectOption(String(year - 1));
    await expect(figures).toHaveAttribute('data-year', String(year - 1));
    await expect(page).toHaveURL(new RegExp(`year=${year - 1}`));
    await page.getByLabel('Unité', { exact: true }).selectOption(unitId('DS'));
    await expect(figures).toHaveAttribute('data-scope', unitId('DS'));
    // A unit's figures: HR's inputs are the organisation's only.
    await expect(figures).toContainText('Les données saisies par les RH sont celles de toute l’organisation.');

    // Back to this year and the organisation (through the trail), then a drill-down from the
    // participation table (last year had no staff yet: the demo directory is of this year).
    await page.getByLabel('Année', { exact: true }).selectOption(String(year));
    await expect(figures).toHaveAttribute('data-year', String(year));
    await page
      .getByRole('navigation', { name: 'Périmètre' })
      .getByRole('button', { name: 'Toute l’organisation' })
      .click();
    await expect(figures).toHaveAttribute('data-scope', '');
    const dnRow = figures.getByTestId('participation-row').and(page.locator(`[data-unit="${unitId('DN')}"]`));
    await dnRow.getByRole('button', { name: 'Voir les chiffres de Direction du numérique' }).click();
    await expect(figures).toHaveAttribute('data-scope', unitId('DN'));
    await expect(page.getByRole('navigation', { name: 'Périmètre' }).locator('[aria-current="page"]')).toHaveText(
      'Direction du numérique',
    );
    // The drill-down lists the units below it.
    await expect(figures.locator(`[data-unit="${unitId('DN-APP')}"]`)).toBeVisible();
    // No figure is made up: every participation cell is a number, "masqué" or "—".
    for (const cell of await figures.getByTestId('participation-row').locator('td').allInnerTexts()) {
      expect(cell).toMatch(/^(?:.*:\s*)?([\d\s\u202f,.]+ ?%?|masqué|—)$/s);
    }

    // A chart (recharts, loaded with this screen) and its table alternative.
    const funnel = figures.getByRole('figure', { name: /^Idées de l’année par étape atteinte/ });
    await expect(funnel.locator('svg.recharts-surface')).toBeVisible();
    const table = funnel.getByRole('table', { name: 'Entonnoir : nombre et conversion à chaque étape' });
    await expect(table).toBeHidden();
    await funnel.getByText('Voir le tableau').click();
    await expect(table).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Déposées' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'En service' })).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(funnel.locator('svg.recharts-surface')).toBeVisible();
    // The charts measure their box again after the resize (a ResizeObserver): until then the
    // desktop-wide drawing is still there, so the page is read once it has settled.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('an employee has no figures; a person exports their contributions as a PDF from the profile', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, 'lucas.girard@eclore.example');
    await expect(page.getByRole('link', { name: 'Chiffres de l’innovation' })).toHaveCount(0);
    const title = `Relevé annuel ${Date.now()}`;
    await submittedProblem(page, { title, anonymous: false });

    const panel = page.getByRole('region', { name: 'Mes contributions' });
    // The worker records the submission a moment later: reload until it is there.
    await expect(async () => {
      await page.goto('/profile');
      await expect(panel.getByTestId('contribution-row').filter({ hasText: title })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Télécharger mes contributions (PDF, pour l’entretien annuel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mes-contributions-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain('Mes contributions à l’innovation participative');
    expect(text).toContain('Lucas Girard');
    expect(text).toContain(title);
    expect(text).toMatch(/Auteur : \d+/);
    await page.context().close();
  });
});
