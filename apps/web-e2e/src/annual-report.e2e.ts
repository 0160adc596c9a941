import { readFileSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { expectNoSeriousAxeViolation, signedInPage } from './support';

const HR = 'martine.favre@eclore.example';

async function pdfText(download: Download): Promise<string> {
  const parser = new PDFParse({ data: readFileSync(await download.path()) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

// The annual report (docs/recognition.md §5) on a phone-sized screen: HR starts it, the worker builds
// it while the page shows its progress, then HR downloads the PDF and the XLSX, which the test opens
// and reads back. And the charter: a commitment added, moved, then retired (a bad key refused), and the
// yearly inputs: a value out of range is refused naming the field; a correction keeps the earlier entry.
test.describe('annual report and charter', () => {
  test('HR starts the annual report, watches it progress, and downloads the PDF and the XLSX', async ({ browser }) => {
    const page = await signedInPage(browser, HR);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/recognition/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Bilan annuel' })).toBeVisible();
    const year = String(new Date().getUTCFullYear() - 1);
    await expect(page.getByLabel('Année')).toHaveValue(year);
    await expect(page.getByLabel('Périmètre')).toHaveValue('');
    await page.getByRole('button', { name: 'Préparer le bilan' }).click();

    const run = page.getByTestId('annual-report-run');
    // The run is shown at once with its progress, then polled until the worker is done.
    await expect(run).toBeVisible();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const status = (await run.getAttribute('data-status')) ?? '';
          seen.add(status);
          return status;
        },
        { timeout: 45_000, intervals: [100] },
      )
      .toBe('done');
    expect([...seen].some((s) => s === 'queued' || s === 'running')).toBe(true);
    await expect(run.getByRole('status')).toHaveText('Le bilan est prêt.');
    await expect(run.getByRole('region', { name: 'Chiffres clés' })).toContainText('Effectif');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      run.getByRole('link', { name: 'PDF en français' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`eclore-annual-report-${year}-organisation-fr.pdf`);
    const text = await pdfText(pdf);
    expect(text).toContain(`Bilan annuel de l’innovation participative ${year}`);
    expect(text).toContain('Toute l’organisation');
    for (const commitment of ['Former', 'Pratiquer', 'Reconnaître', 'Célébrer']) expect(text).toContain(commitment);

    const [english] = await Promise.all([
      page.waitForEvent('download'),
      run.getByRole('link', { name: 'PDF en anglais' }).click(),
    ]);
    expect(await pdfText(english)).toContain(`Annual participative-innovation report ${year}`);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      run.getByRole('link', { name: 'Tableur en français (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`eclore-annual-report-${year}-organisation.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Bilan', 'Chiffres clés', 'Former', 'Évolution sur un an']),
    );
    const summary = book.getWorksheet('Chiffres clés')!;
    expect(summary.getCell('A1').value).toBe('Chiffres clés');
    const labels = summary.getColumn(1).values;
    expect(labels).toEqual(expect.arrayContaining(['Effectif', 'Idées déposées', 'Idées mises en œuvre']));
    const ideasRow = summary.getRow(labels.indexOf('Idées déposées'));
    expect(typeof ideasRow.getCell(2).value).toBe('number');

    // The same workbook in English, with the same figure.
    const [xlsxEn] = await Promise.all([
      page.waitForEvent('download'),
      run.getByRole('link', { name: 'Tableur en anglais (XLSX)' }).click(),
    ]);
    expect(xlsxEn.suggestedFilename()).toBe(`eclore-annual-report-${year}-organisation-en.xlsx`);
    const bookEn = new ExcelJS.Workbook();
    await bookEn.xlsx.load(readFileSync(await xlsxEn.path()) as never);
    const summaryEn = bookEn.getWorksheet('Key figures')!;
    const labelsEn = summaryEn.getColumn(1).values;
    expect(labelsEn).toEqual(expect.arrayContaining(['Headcount', 'Ideas submitted']));
    expect(summaryEn.getRow(labelsEn.indexOf('Ideas submitted')).getCell(2).value).toBe(ideasRow.getCell(2).value);

    // The run is in the recent list; nothing overflows sideways on a phone.
    await expect(page.getByRole('list', { name: 'Bilans récents' }).getByRole('listitem').first()).toContainText(
      `${year} — Toute l’organisation`,
    );
    await expect(page.getByRole('list', { name: 'Bilans récents' }).getByRole('listitem').first()).toContainText(
      'prêt',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });

  test('HR edits the commitments and enters a year’s inputs: bad values refused naming the field, history kept', async ({
    browser,
  }) => {
    const page = await signedInPage(browser, HR);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/recognition/charter');
    await expect(page.getByRole('heading', { level: 1, name: 'Charte de l’innovation participative' })).toBeVisible();
    const commitments = page.getByTestId('charter-commitments');
    await expect(commitments.getByRole('listitem')).toHaveCount(7);
    await expect(commitments).toContainText('Mesurer et rendre compte');

    // HR adds a commitment, moves it up, saves; a bad key is refused naming it; then retires it again
    // (the charter in force ends as it began, its versions kept).
    await page.getByRole('button', { name: 'Modifier les engagements' }).click();
    const editor = page.getByRole('form', { name: 'Modifier les engagements de la charte' });
    const addition = editor.getByRole('group', { name: 'Ajouter un engagement' });
    await addition.getByRole('textbox', { name: 'Identifiant' }).fill('Mauvais identifiant');
    await addition.getByRole('textbox', { name: 'Titre en français' }).fill('Ouvrir les données');
    await addition.getByRole('textbox', { name: 'Titre en anglais' }).fill('Open the data');
    await addition.getByRole('checkbox', { name: 'Essaimages' }).check();
    await addition.getByRole('button', { name: 'Ajouter à la liste' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await editor.getByRole('button', { name: 'Enregistrer la charte' }).click();
    await expect(editor.getByText('Engagement 8, identifiant : Valeur non valide.')).toBeVisible();
    await editor.getByRole('button', { name: 'Retirer « Ouvrir les données »' }).click();
    await addition.getByRole('textbox', { name: 'Identifiant' }).fill('ouvrir_donnees');
    await addition.getByRole('textbox', { name: 'Titre en français' }).fill('Ouvrir les données');
    await addition.getByRole('textbox', { name: 'Titre en anglais' }).fill('Open the data');
    await addition.getByRole('checkbox', { name: 'Essaimages' }).check();
    await addition.getByRole('button', { name: 'Ajouter à la liste' }).click();
    await editor.getByRole('button', { name: 'Monter « Ouvrir les données »' }).click();
    await editor.getByRole('button', { name: 'Enregistrer la charte' }).click();
    await expect(commitments.getByRole('listitem')).toHaveCount(8);
    await expect(commitments.getByRole('listitem').nth(6)).toContainText('Ouvrir les données');
    await expect(commitments.getByRole('listitem').nth(6)).toContainText('Essaimages');
    await page.getByRole('button', { name: 'Modifier les engagements' }).click();
    await editor.getByRole('button', { name: 'Retirer « Ouvrir les données »' }).click();
    await editor.getByRole('button', { name: 'Enregistrer la charte' }).click();
    await expect(commitments.getByRole('listitem')).toHaveCount(7);
    await expect(commitments.getByRole('listitem').nth(6)).toContainText('Célébrer');
    await page.getByText('Versions précédentes').click();
    await expect(page.getByRole('group').filter({ hasText: 'Versions précédentes' })).toContainText(
      'Ouvrir les données',
    );

    // A year of its own (2001), so the other browser tests' figures are untouched.
    await page.getByLabel('Année').selectOption('2001');
    await expect(page.getByText('Aucune saisie pour cette année.')).toBeVisible();
    const trained = page.getByRole('textbox', { name: 'Personnes formées' });
    await trained.fill('2000000');
    await page.getByRole('textbox', { name: 'Actions de communication' }).fill('6');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(trained).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Valeur hors des limites autorisées.')).toBeVisible();

    await trained.fill('140');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status')).toHaveText('Saisies enregistrées.');
    await trained.fill('150');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const history = page.getByRole('table', { name: 'Historique des saisies' });
    await expect(history.getByRole('row')).toHaveCount(3); // the header, the entry in force, the earlier one
    await expect(history.getByRole('row').nth(1)).toContainText('150');
    await expect(history.getByRole('row').nth(1)).toContainText('en vigueur');
    await expect(history.getByRole('row').nth(2)).toContainText('140');
    await expect(history.getByRole('row').nth(2)).toContainText('remplacée');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolation(page);
    await page.context().close();
  });
});
