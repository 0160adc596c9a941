import { ERASURE_PLAN } from './erasure-plan';
import { EXPORT_COVERAGE } from './export-coverage';
import { EXPORT_CATEGORIES, EXPORT_QUERIES } from './sql/export-queries.sql';

/**
 * The export answers for every person reference the erasure plan knows (and that plan's own test
 * checks it against the migrated schema): a new personal table fails here until the export reads it
 * or says why not.
 */
describe('what the personal-data export covers', () => {
  it('decides every person reference of the schema, as the erasure plan lists them', () => {
    expect(Object.keys(EXPORT_COVERAGE).sort()).toEqual(Object.keys(ERASURE_PLAN).sort());
  });

  it('names only real categories, and each category reads a column it is named for', () => {
    const named = Object.values(EXPORT_COVERAGE).filter(
      (c): c is (typeof EXPORT_CATEGORIES)[number] => typeof c === 'string',
    );
    expect(EXPORT_CATEGORIES).toEqual(expect.arrayContaining(named));
    for (const [reference, category] of Object.entries(EXPORT_COVERAGE)) {
      if (typeof category !== 'string') continue;
      const [table, column] = reference.split('.') as [string, string];
      // The column itself where a category filters on it (`WHERE author_id = $1`); the profile reads the person row.
      const sql = EXPORT_QUERIES[category];
      expect({ reference, reads: sql.includes(table) && (sql.includes(column) || table === 'person') }).toEqual({
        reference,
        reads: true,
      });
    }
  });

  it('gives every category a column, and every omission a reason', () => {
    const named = new Set(Object.values(EXPORT_COVERAGE).filter((c) => typeof c === 'string'));
    expect(EXPORT_CATEGORIES.filter((c) => !named.has(c))).toEqual([]);
    for (const c of Object.values(EXPORT_COVERAGE))
      if (typeof c !== 'string') expect(c.omitted.length).toBeGreaterThan(20);
  });
});
