import { chooseLocale } from './locale';

describe('chooseLocale', () => {
  it('prefers the saved choice over the browser', () => {
    expect(chooseLocale('en', ['fr-CH', 'fr'])).toBe('en');
    expect(chooseLocale('fr', ['en-CA'])).toBe('fr');
  });

  it('ignores a saved value that is not a supported language', () => {
    expect(chooseLocale('de', ['en-CA', 'en'])).toBe('en');
    expect(chooseLocale('', ['en-GB'])).toBe('en');
  });

  it('takes the first supported browser language, regional variants included', () => {
    expect(chooseLocale(null, ['fr-CH', 'en'])).toBe('fr');
    expect(chooseLocale(null, ['de-CH', 'en-CA', 'fr'])).toBe('en');
    expect(chooseLocale(undefined, ['EN-us'])).toBe('en');
  });

  it('falls back to French', () => {
    expect(chooseLocale(null, ['de-DE', 'it'])).toBe('fr');
    expect(chooseLocale(null, [])).toBe('fr');
    expect(chooseLocale(null, undefined)).toBe('fr');
  });
});
