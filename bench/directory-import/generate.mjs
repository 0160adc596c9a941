#!/usr/bin/env node
// Writes a realistic directory CSV for the import benchmark:
//   node bench/directory-import/generate.mjs [rows=200000] [out=dist/bench/directory-200000.csv] [--seed=42]
// 3 directions → 30 services → 300 units. Directions and services have a few people of their own
// (directors, heads of service); the rest are spread over the units. Names are French (faker),
// e-mails unique, ~10 % of rows carry a locale. Deterministic for a given seed.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fakerFR as faker } from '@faker-js/faker';
import { stringify } from 'csv-stringify';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 42);
const ROWS = Number(args[0] ?? 200_000);
const OUT = resolve(args[1] ?? `dist/bench/directory-${ROWS}.csv`);

export const COLUMNS = [
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

/** The organisation: 3 directions × 10 services × 10 units. */
export function organisation() {
  const DIRECTIONS = ['Direction des services techniques', 'Direction des solidarités', 'Direction des ressources'];
  const SERVICE_WORDS = [
    'Voirie',
    'Bâtiments',
    'Espaces verts',
    'Propreté',
    'Eau',
    'Énergie',
    'Mobilités',
    'Logistique',
    'Informatique',
    'Finances',
  ];
  const UNIT_WORDS = [
    'Nord',
    'Sud',
    'Est',
    'Ouest',
    'Centre',
    'Atelier',
    'Accueil',
    'Études',
    'Maintenance',
    'Projets',
  ];
  const directions = DIRECTIONS.map((name, d) => ({ code: `D${d + 1}`, name, kind: 'direction', parent: '' }));
  const services = directions.flatMap((dir, d) =>
    SERVICE_WORDS.map((w, s) => ({
      code: `S${d + 1}-${String(s + 1).padStart(2, '0')}`,
      name: `Service ${w} (${dir.code})`,
      kind: 'service',
      parent: dir.code,
    })),
  );
  const units = services.flatMap((svc) =>
    UNIT_WORDS.map((w, u) => ({
      code: `${svc.code.replace('S', 'U')}-${String(u + 1).padStart(2, '0')}`,
      name: `${svc.name.replace('Service ', '')} — ${w}`,
      kind: 'unit',
      parent: svc.code,
    })),
  );
  return { directions, services, units };
}

function ascii(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function* rows() {
  faker.seed(seed);
  const { directions, services, units } = organisation();
  // Own staff of directions (20 each) and services (30 each); the rest in the units, round robin.
  const owners = [...directions.flatMap((d) => Array(20).fill(d)), ...services.flatMap((s) => Array(30).fill(s))];
  for (let i = 0; i < ROWS; i++) {
    const unit = i < owners.length ? owners[i] : units[i % units.length];
    const given = faker.person.firstName();
    const family = faker.person.lastName();
    const n = String(100000 + i);
    yield [
      `M${n}`,
      given,
      family,
      `${ascii(given)}.${ascii(family)}.${n}@agents.example.org`,
      unit.code,
      unit.name,
      unit.kind,
      unit.parent,
      i % 10 === 0 ? (i % 20 === 0 ? 'fr' : 'en') : '',
    ];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(dirname(OUT), { recursive: true });
  const started = performance.now();
  await pipeline(
    Readable.from(rows()),
    stringify({ header: true, columns: COLUMNS, delimiter: ';', bom: true }),
    createWriteStream(OUT),
  );
  console.log(`${ROWS} rows written to ${OUT} in ${Math.round(performance.now() - started)} ms`);
}
