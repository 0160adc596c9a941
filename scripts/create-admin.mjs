#!/usr/bin/env node
// `npm run create-admin`: the first administrator of an install (production loads no demo data).
//   DATABASE_URL=postgres://… npm run create-admin -- --email ana.silva@example.org \
//     --given-name Ana --family-name Silva --employee-number 004211 [--locale fr|en]
// The password: ECLORE_ADMIN_PASSWORD, else `--password-stdin` (one line on standard input), else
// asked twice at the terminal (not echoed); `--no-password` for a person who signs in through single
// sign-on only. An existing person (same e-mail) is granted the admin role; nothing else of theirs changes.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fail, requireCompiled, withDatabase } from './operator.mjs';

let args;
try {
  args = parseArgs({
    options: {
      email: { type: 'string' },
      'given-name': { type: 'string' },
      'family-name': { type: 'string' },
      'employee-number': { type: 'string' },
      locale: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'no-password': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(err.message, `Option non reconnue ou incomplète : ${err.message}`, 2);
}
if (!args.email) fail('--email is required.', '--email est obligatoire.', 2);
if (args.locale !== undefined && !['fr', 'en'].includes(args.locale))
  fail('--locale is fr or en.', '--locale vaut fr ou en.', 2);

async function readStdinLine() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks at the terminal without echoing what is typed. */
function askHidden(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    let muted = false;
    rl._writeToOutput = (s) => {
      if (!muted) rl.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function password() {
  if (args['no-password']) return null;
  if (process.env.ECLORE_ADMIN_PASSWORD) return process.env.ECLORE_ADMIN_PASSWORD;
  if (args['password-stdin']) return readStdinLine();
  if (!process.stdin.isTTY) {
    fail(
      'No password: set ECLORE_ADMIN_PASSWORD, pass --password-stdin, run at a terminal, or --no-password for single sign-on only.',
      'Aucun mot de passe : définissez ECLORE_ADMIN_PASSWORD, passez --password-stdin, lancez depuis un terminal, ou --no-password (authentification unique seulement).',
      2,
    );
  }
  const first = await askHidden('Password / Mot de passe: ');
  const again = await askHidden('Again / Confirmation: ');
  if (first !== again) fail('The two passwords differ.', 'Les deux mots de passe diffèrent.', 2);
  return first;
}

const secret = await password();
const { createAdmin, CreateAdminError } = requireCompiled('create-admin');
try {
  const result = await withDatabase((dataSource) =>
    createAdmin(dataSource, {
      email: args.email,
      givenName: args['given-name'],
      familyName: args['family-name'],
      employeeNumber: args['employee-number'],
      locale: args.locale ?? null,
      password: secret,
    }),
  );
  const did = [
    result.personCreated ? 'person created / personne créée' : 'existing person / personne existante',
    result.roleGranted ? 'admin role granted / rôle admin attribué' : 'already admin / déjà admin',
    result.passwordSet ? 'password set / mot de passe défini' : 'no local password / pas de mot de passe local',
  ];
  process.stdout.write(`✔ ${args.email}: ${did.join(', ')} (${result.personId})\n`);
} catch (err) {
  if (err instanceof CreateAdminError) fail(`${err.option}: ${err.message}`, `${err.option} : ${err.fr}`, 2);
  throw err;
}
