import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ERROR_CODES,
  ERROR_CODE_OF_STATUS,
  STATUS_OF_ERROR_KIND,
  isErrorCode,
  type DomainErrorKind,
} from '@eclore/domain';

/**
 * The catalogue (`ERROR_CODES` in @eclore/domain) against the code: every code an error site of the
 * server or the domain policy can raise is listed with the status the problem filter gives it, and
 * every listed code is raised somewhere. Reads the sources, so a new `new Conflict('…')` without its
 * catalogue entry fails here rather than reaching a client the web cannot word.
 */
const root = join(__dirname, '../../../../..');
const SOURCE_ROOTS = ['libs/server', 'libs/domain/src', 'apps/api/src', 'apps/worker/src'];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name) && !entry.name.endsWith('error-codes.ts')
      ? [path]
      : [];
  });
}

const files = SOURCE_ROOTS.flatMap(sources).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

/** Codes found at error sites, with the status the site gives them (undefined: decided elsewhere). */
const found: { code: string; status: number | undefined; where: string }[] = [];
const add = (code: string, status: number | undefined, where: string) => found.push({ code, status, where });
const KIND_STATUS = STATUS_OF_ERROR_KIND as Record<string, number>;

// DomainError subclasses taking the code as their first argument: `super('kind', code, …)`.
const codeFirstSubclasses = new Map<string, number>([
  ['Conflict', 409],
  ['Forbidden', 403],
]);
for (const { text } of files) {
  for (const m of text.matchAll(/class (\w+) extends DomainError \{[\s\S]*?super\('(\w+)', code\b/g)) {
    codeFirstSubclasses.set(m[1]!, KIND_STATUS[m[2] as DomainErrorKind]!);
  }
}

for (const { path, text } of files) {
  for (const [name, status] of codeFirstSubclasses) {
    for (const m of text.matchAll(new RegExp(`new ${name}\\(\\s*'([a-z_]+)'`, 'g'))) add(m[1]!, status, path);
    // `new Forbidden(cond ? 'a' : 'b', …)`
    for (const m of text.matchAll(
      new RegExp(`new ${name}\\(\\s*[^'(),]*\\?\\s*'([a-z_]+)'\\s*:\\s*'([a-z_]+)'`, 'g'),
    )) {
      add(m[1]!, status, path);
      add(m[2]!, status, path);
    }
  }
  for (const m of text.matchAll(/new NotFound\(\s*'([a-z_]+)'/g)) add(`${m[1]}_not_found`, 404, path);
  // Subclasses with a fixed code: `super('kind', 'code', …)`.
  for (const m of text.matchAll(/super\(\s*'(\w+)',\s*'([a-z_]+)'/g)) add(m[2]!, KIND_STATUS[m[1]!], path);
  // The policy's refusal reasons (403, or 409 for state refusals: checked through the tables below).
  for (const m of text.matchAll(/deny\('([a-z_]+)'\)|allowed: false, reason: '([a-z_]+)'/g))
    add((m[1] ?? m[2])!, undefined, path);
  // Subclasses of Conflict / Forbidden with a fixed code: `super('code', …)`.
  for (const m of text.matchAll(/class \w+ extends (Conflict|Forbidden) \{[\s\S]*?super\(\s*'([a-z_]+)'/g)) {
    add(m[2]!, codeFirstSubclasses.get(m[1]!), path);
  }
  // Tables turning reasons into problems: `const STATE_REFUSALS: Record<string, string> = { … }`.
  for (const m of text.matchAll(/const (\w+): Record<string, string> = \{([^}]*)\}/g)) {
    const status = /STATE/.test(m[1]!) ? 409 : /FORBIDDEN/.test(m[1]!) ? 403 : undefined;
    if (status === undefined) continue;
    for (const key of m[2]!.matchAll(/^\s*([a-z_]+):/gm)) add(key[1]!, status, path);
  }
  // Codes the problem filter answers itself.
  if (path.endsWith('problem.filter.ts'))
    for (const m of text.matchAll(/code: '([a-z_]+)'|\?\? '([a-z_]+)'|problem\(\s*'([a-z_]+)'/g))
      add((m[1] ?? m[2] ?? m[3])!, undefined, path);
}

/** Policy reasons the API never answers as such: an unreadable idea is a 404, a closed phase a field problem. */
const ANSWERED_OTHERWISE = new Set(['draft_private', 'anonymous', 'submissions_closed']);
/** Codes made from a value rather than a literal: a report's target (`NotFound(input.targetType)`). */
const BUILT_FROM_VALUES = new Set(['comment_not_found']);

describe('the error-code catalogue', () => {
  it('finds the error sites it checks (the scan still matches the code)', () => {
    expect(found.length).toBeGreaterThan(80);
    expect(found.map((f) => f.code)).toEqual(
      expect.arrayContaining(['idea_not_found', 'stale_version', 'role_required', 'file_too_large']),
    );
  });

  it('lists every code an error site raises, with the status it is answered with', () => {
    const problems = found
      .filter((f) => !ANSWERED_OTHERWISE.has(f.code))
      .flatMap((f) => {
        const where = relative(root, join(root, f.where));
        if (!isErrorCode(f.code)) return [`${f.code} (${where}) is not in ERROR_CODES`];
        if (f.status !== undefined && ERROR_CODES[f.code] !== f.status)
          return [`${f.code} (${where}) is answered ${f.status}, the catalogue says ${ERROR_CODES[f.code]}`];
        return [];
      });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('lists no code that nothing raises', () => {
    const raised = new Set([...found.map((f) => f.code), ...BUILT_FROM_VALUES]);
    // The codes the filter gives a bare framework status (an unknown route's 404, a 405…).
    const framework = new Set<string>(Object.values(ERROR_CODE_OF_STATUS));
    expect(Object.keys(ERROR_CODES).filter((code) => !raised.has(code) && !framework.has(code))).toEqual([]);
  });
});
