import * as engagement from './i18n';
import * as notifications from '../notifications/i18n';
import * as portfolio from '../portfolio/i18n';
import * as wall from '../wall/i18n';

/**
 * "Support" has one vocabulary everywhere (GLOSSARY: support = soutien; "me too" on a problem): the
 * action is « Moi aussi » / "Me too" on a problem and « Je soutiens » / "I support" on a solution; a
 * count is « n soutien(s) » / "n support(s)" on the idea page, the wall and the portfolio alike.
 */
describe('the words for a support', () => {
  it('names the action by the kind of idea, in both languages', () => {
    expect(engagement.fr.support).toMatchObject({ problem: 'Moi aussi', solution: 'Je soutiens' });
    expect(engagement.en.support).toMatchObject({ problem: 'Me too', solution: 'I support' });
  });

  it.each([
    ['fr', 0, '0 soutien'],
    ['fr', 1, '1 soutien'],
    ['fr', 3, '3 soutiens'],
    ['en', 0, '0 supports'],
    ['en', 1, '1 support'],
    ['en', 3, '3 supports'],
  ] as const)('counts the same on the idea page, the wall and the portfolio (%s, %i)', (locale, n, text) => {
    expect(engagement[locale].support.count(n)).toBe(text);
    expect(wall[locale].card.supports(n)).toBe(text);
    expect(portfolio[locale].card.supports(n)).toBe(text);
  });

  it('uses the same noun in notifications', () => {
    expect(notifications.fr.events.supported?.('', 1)).toContain('soutien');
    expect(notifications.fr.events.supported?.('', 3)).toBe('3 nouveaux soutiens');
    expect(notifications.en.events.supported?.('', 1)).toContain('support');
    expect(notifications.en.events.supported?.('', 3)).toBe('3 new supports');
  });
});
