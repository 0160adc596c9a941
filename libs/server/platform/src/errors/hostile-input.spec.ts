import { findHostileInput, MAX_INPUT_DEPTH } from './hostile-input';

describe('hostile input: what no request may carry', () => {
  it('names each NUL and lone surrogate by its dotted path, in values and keys', () => {
    expect(
      findHostileInput({ title: 'a\u0000b', phases: [{ name: 'ok' }, { name: '\udc00' }], 'k\u0000': 1 }).map(
        (p) => `${p.field}:${p.code}`,
      ),
    ).toEqual(['title:noNulCharacter', 'phases.1.name:wellFormedUnicode', '<key>:noNulCharacter']);
  });

  it('lets well-formed text through, emoji and accents included', () => {
    expect(findHostileInput({ title: 'Café 😀', list: ['é', 'ü'], n: 3, b: true, x: null })).toEqual([]);
  });

  it('refuses prototype keys and nesting deeper than any body we accept', () => {
    expect(findHostileInput(JSON.parse('{"scores":{"__proto__":{"x":1}}}'))).toEqual([
      expect.objectContaining({ field: 'scores.__proto__', code: 'forbiddenKey' }),
    ]);
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_INPUT_DEPTH + 5; i += 1) deep = { a: deep };
    expect(findHostileInput(deep)).toEqual([expect.objectContaining({ code: 'maxDepth' })]);
  });

  it('stops after 20 problems, so a body full of NULs stays cheap', () => {
    expect(findHostileInput({ list: Array.from({ length: 10_000 }, () => '\u0000') })).toHaveLength(20);
  });
});
