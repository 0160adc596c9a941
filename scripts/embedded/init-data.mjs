// First start only: creates the PGlite data folders (initdb) in a short-lived process. initdb's
// WASM memory (~0.4 GB) would otherwise stay resident in the launcher for its whole life, since
// V8 has no reason to collect it soon; a process that exits gives it back at once.
//   node scripts/embedded/init-data.mjs <folder> [<folder>…]
import { PGlite } from '@electric-sql/pglite';

for (const dir of process.argv.slice(2)) {
  const db = await PGlite.create(dir);
  await db.close();
}
