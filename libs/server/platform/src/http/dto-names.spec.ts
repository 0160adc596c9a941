import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Two DTO classes with one name become ONE schema in the OpenAPI document (@nestjs/swagger keys
 * schemas by class name and keeps whichever it met first), so the generated client silently
 * describes one of them wrongly. Every DTO class name of the server is therefore unique: shared
 * shapes come from platform's HTTP kit (PersonRefDto, OrgUnitRefDto, IdParamDto…), others get a
 * name of their own.
 */
const root = join(__dirname, '../../../../..');
const SOURCE_ROOTS = ['libs/server', 'apps/api/src'];

/**
 * Names allowed to repeat while a refactor is under way (empty since issue 11 removed the last
 * person, org-unit and id-param copies). The test fails if a listed name is unique, so it only shrinks.
 */
const PENDING_DUPLICATES = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Classes that describe a body, a response, path parameters or a query to OpenAPI. */
function dtoClasses(path: string, text: string): string[] {
  const declarations = [...text.matchAll(/^(?:export )?(?:abstract )?class (\w+)([^{]*)\{/gm)];
  return declarations.flatMap((m, i) => {
    const body = text.slice(m.index, declarations[i + 1]?.index ?? text.length);
    const heritage = m[2] ?? '';
    const isDto =
      path.endsWith('.dto.ts') ||
      /@ApiProperty(Optional)?\(/.test(body) ||
      /extends (UuidParams|CursorQuery|PageDto)\(/.test(heritage);
    return isDto ? [m[1]!] : [];
  });
}

const declared = new Map<string, string[]>();
for (const path of SOURCE_ROOTS.flatMap(sources)) {
  for (const name of dtoClasses(path, readFileSync(join(root, path), 'utf8'))) {
    declared.set(name, [...(declared.get(name) ?? []), path]);
  }
}
const duplicates = [...declared].filter(([, paths]) => paths.length > 1);

describe('DTO class names', () => {
  it('finds the DTO classes (the scan still matches the code)', () => {
    expect(declared.size).toBeGreaterThan(150);
    expect(declared.get('ProfileDto')).toHaveLength(1);
  });

  it('are unique across the server, apart from the pending ones', () => {
    const unexpected = duplicates
      .filter(([name]) => !PENDING_DUPLICATES.has(name))
      .map(([name, paths]) => `${name}: ${paths.join(', ')}`);
    expect(unexpected).toEqual([]);
  });

  it('keeps no name in the pending list once it is unique', () => {
    const fixed = [...PENDING_DUPLICATES].filter((name) => !duplicates.some(([dup]) => dup === name));
    expect(fixed).toEqual([]);
  });
});

/**
 * A response naming a person or an org unit by the shared reference alone uses PersonRefDto,
 * OrgUnitRefDto or OrgUnitNameDto: a schema with exactly their fields under another name is a copy (a DTO that adds
 * fields extends them). Read from the committed document (`npm run api-client:check` keeps it current).
 */
describe('person and org-unit references in the OpenAPI document', () => {
  const document = JSON.parse(readFileSync(join(root, 'libs/api-client/openapi.json'), 'utf8')) as {
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const fields = (name: string) =>
    Object.keys(document.components.schemas[name]?.properties ?? {})
      .sort()
      .join(',');

  it.each(['PersonRefDto', 'OrgUnitRefDto', 'OrgUnitNameDto'])('has no copy of %s', (shared) => {
    const copies = Object.keys(document.components.schemas).filter(
      (name) => name !== shared && fields(name) === fields(shared),
    );
    expect(fields(shared)).not.toBe('');
    expect(copies).toEqual([]);
  });
});
