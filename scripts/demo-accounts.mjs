#!/usr/bin/env node
// `npm run demo-accounts -- --disable`: takes the demo accounts (password published in the README)
// out of use on DATABASE_URL: password removed, sessions ended, roles revoked, deactivated, audited.
// Without --disable it only counts them. A production start refuses to run while any exists.
import { parseArgs } from 'node:util';
import { fail, requireCompiled, withDatabase } from './operator.mjs';

let disable;
try {
  disable = parseArgs({ options: { disable: { type: 'boolean', default: false } }, strict: true }).values.disable;
} catch (err) {
  fail(err.message, `Option non reconnue : ${err.message}`, 2);
}
const { countDemoAccounts, disableDemoAccounts } = requireCompiled('demo-accounts');
await withDatabase(async (dataSource) => {
  if (disable) {
    const n = await disableDemoAccounts(dataSource);
    process.stdout.write(`✔ ${n} demo account(s) disabled / compte(s) de démonstration désactivé(s)\n`);
  } else {
    const n = await countDemoAccounts(dataSource);
    process.stdout.write(
      `${n} demo account(s) can sign in / compte(s) de démonstration actif(s)${n ? ' — npm run demo-accounts -- --disable' : ''}\n`,
    );
  }
});
