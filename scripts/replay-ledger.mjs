#!/usr/bin/env node
// `npm run recognition:replay-ledger`: records in the contribution ledger every contribution of the
// ideas' past events that it does not hold yet (after an upgrade, or to check it). Idempotent.
//   DATABASE_URL=postgres://… npm run recognition:replay-ledger
import { requireCompiled, withDatabase } from './operator.mjs';

const { replayLedger } = requireCompiled('replay-ledger');
const result = await withDatabase((dataSource) =>
  replayLedger(dataSource, (p) =>
    process.stderr.write(`\r${p.events} events read, ${p.recorded} contributions recorded`),
  ),
);
process.stderr.write('\n');
process.stdout.write(
  `Ledger replayed: ${result.events} events read, ${result.recorded} new contributions recorded.\n` +
    `Registre rejoué : ${result.events} événements lus, ${result.recorded} nouvelles contributions enregistrées.\n`,
);
