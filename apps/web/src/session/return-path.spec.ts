import { returnPathOf, safeReturnTo } from './return-path';

describe('the return path through sign-in', () => {
  it('keeps the query and the #comment-… anchor of the page left', () => {
    const path = returnPathOf({ pathname: '/ideas/42', search: '?tab=discussion', hash: '#comment-7f3a' });
    expect(path).toBe('/ideas/42?tab=discussion#comment-7f3a');
    // Through the sign-in address and back, unchanged.
    const signIn = new URL(`/sign-in?returnTo=${encodeURIComponent(path)}`, 'https://eclore.example');
    expect(safeReturnTo(signIn.searchParams.get('returnTo'))).toBe('/ideas/42?tab=discussion#comment-7f3a');
  });

  it('only ever returns a path of this site (no open redirect)', () => {
    for (const value of [
      null,
      '',
      'https://evil.example/#comment-1',
      '//evil.example/ideas#comment-1',
      '/\\evil.example',
      'javascript:alert(1)',
      '#comment-1',
      '/ideas/1 x',
      '/sign-in?returnTo=/ideas',
    ]) {
      expect(safeReturnTo(value)).toBe('/');
    }
    expect(safeReturnTo('/ideas/1#comment-2')).toBe('/ideas/1#comment-2');
  });
});
