import { formatter } from './format';
import { en, fr } from './i18n';

describe('how the dashboard reads a figure', () => {
  const f = formatter(fr, 'fr');
  const e = formatter(en, 'en');

  it('shows a withheld count as withheld, never as 0; a real 0 as 0', () => {
    expect(f.count(null)).toBe('masqué');
    expect(e.count(null)).toBe('withheld');
    expect(f.count(0)).toBe('0');
    expect(e.count(1234)).toBe('1,234');
  });

  it('tells "no data" (zero denominator) from withheld for rates and times', () => {
    expect(f.percent(null, true)).toBe('—');
    expect(f.percent(null, false)).toBe('masqué');
    expect(e.percent(12.5, false)).toBe('12.5%');
    expect(e.days(4, false)).toBe('4.0 d');
    expect(e.days(null, true)).toBe('—');
  });

  it('signs a change and leaves an absent one as no data', () => {
    expect(e.signed(3)).toBe('+3');
    expect(e.signed(-2.5, 1)).toBe('−2.5');
    expect(e.signed(0)).toBe('0');
    expect(e.signed(null)).toBe('—');
  });
});
