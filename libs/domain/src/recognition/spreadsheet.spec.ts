import { neutraliseCell, neutraliseRows } from './spreadsheet';

describe('spreadsheet cell neutralisation', () => {
  it.each(['=1+1', '+33 1 23', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")'])(
    'prefixes %j with an apostrophe',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves ordinary text, empty text and non-text cells alone', () => {
    expect(neutraliseCell('Réduire les délais')).toBe('Réduire les délais');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(' =1')).toBe(' =1');
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(true)).toBe(true);
  });

  it('neutralises every text cell of a sheet', () => {
    expect(
      neutraliseRows([
        ['=x', 1, null],
        ['ok', -2, '@y'],
      ]),
    ).toEqual([
      ["'=x", 1, null],
      ['ok', -2, "'@y"],
    ]);
  });
});
