import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// HR imports the staff directory (docs/directory-import.md). The e2e database is shared by every test of
// the run and an import deactivates whoever is missing from the file, so the file is an export of the
// directory as it is now (active units and people, read through the API as HR): importing it changes
// nothing, and the rejected file must change nothing either.
const PASSWORD = 'Eclore-Demo-2026!';
const HR = 'martine.favre@eclore.example';
const HEADER = [
  'employee_number',
  'given_name',
  'family_name',
  'email',
  'org_unit_code',
  'org_unit_name',
  'org_unit_kind',
  'parent_org_unit_code',
  'locale',
];

interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}
interface Member {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
}
type Row = string[];

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Every active person with their unit, as import rows (locale left empty: each person keeps theirs). */
async function exportDirectory(request: APIRequestContext): Promise<Row[]> {
  const units = await json<OrgUnit[]>(request, '/api/org-units');
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const rows: Row[] = [];
  for (const unit of units) {
    let after: string | null = null;
    do {
      const query: string = `limit=200${after ? `&after=${after}` : ''}`;
      const page: { items: Member[]; nextCursor: string | null } = await json(
        request,
        `/api/org-units/${unit.id}/members?${query}`,
      );
      for (const m of page.items) {
        rows.push([
          m.employeeNumber,
          m.givenName,
          m.familyName,
          m.email,
          unit.code,
          unit.name,
          unit.kind,
          unit.parentId ? codeOf.get(unit.parentId)! : '',
          '',
        ]);
      }
      after = page.nextCursor;
    } while (after);
  }
  return rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const csv = (rows: Row[]): Buffer =>
  Buffer.from(
    [HEADER, ...rows].map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n',
    'utf8',
  );

async function upload(page: Page, name: string, rows: Row[]): Promise<void> {
  await page.getByLabel('Fichier CSV de l’annuaire').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(rows) });
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
}

test.describe('directory import (fr-CH)', () => {
  test.use({ locale: 'fr-CH' });

  test('HR imports the directory and follows it to the counts; a file with a bad line is rejected with nothing applied', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Adresse e-mail').fill(HR);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('button', { name: 'Compte : Martine Favre' })).toBeVisible();

    const before = await exportDirectory(page.request);
    // The seeded organisation, with the importer in it (else the import would be refused as importer_missing).
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.map((r) => r[3])).toContain(HR);

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Annuaire' })
      .click();
    await expect(page).toHaveURL(/\/directory$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuaire du personnel');

    // 1. The directory as it is: every row checked, then applied; nothing changes.
    await upload(page, 'annuaire.csv', before);
    const progress = page.locator('.ec-dir-progress');
    const bar = progress.getByRole('progressbar', { name: 'Avancement de l’import de annuaire.csv' });
    await expect(bar).toBeVisible();
    await expect(progress.getByRole('status')).toHaveText('Import terminé', { timeout: 30_000 });
    await expect(bar).toHaveJSProperty('position', 1);
    const count = (label: string) => progress.locator('.ec-facts__row').filter({ hasText: label }).locator('dd');
    await expect(count('Personnes créées')).toHaveText('0');
    await expect(count('Personnes mises à jour')).toHaveText('0');
    await expect(count('Personnes inchangées')).toHaveText(String(before.length));
    await expect(count('Personnes désactivées')).toHaveText('0');

    // 2. A bad e-mail on line 6 (the header is line 1), beside a valid rename that must not be applied.
    const bad = before.map((r) => [...r]);
    bad[4]![3] = 'pas-une-adresse';
    const renamed = bad[7]!;
    renamed[1] = `${renamed[1]}-Renommé`;
    await upload(page, 'annuaire-erreur.csv', bad);
    const rejected = page.locator('.ec-dir-progress', {
      has: page.getByText('Avancement de l’import de annuaire-erreur.csv'),
    });
    await expect(rejected.getByRole('status')).toHaveText('Import refusé : rien n’a été modifié', { timeout: 30_000 });
    await expect(rejected.getByRole('progressbar')).toHaveJSProperty('position', 1);
    await expect(rejected.getByText('1 problème trouvé.')).toBeVisible();
    const problems = rejected.getByRole('table', { name: 'Lignes refusées' }).locator('tbody tr');
    await expect(problems).toHaveCount(1);
    await expect(problems.first().locator('td')).toHaveText(['6', 'email', 'Adresse e-mail invalide.']);

    // Nothing applied: the directory is exactly as before (the rename too was left out).
    expect(await exportDirectory(page.request)).toEqual(before);
  });
});
