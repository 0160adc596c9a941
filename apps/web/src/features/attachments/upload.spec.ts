import { formatBytes } from './upload';
import { isAllowedHref } from '../editor/types';

describe('formatBytes', () => {
  it('reads sizes in the person’s language', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatBytes(1536, 'fr')).toBe('1,5 ko');
    expect(formatBytes(10 * 1024 * 1024, 'fr')).toBe('10 Mo');
  });
});

describe('isAllowedHref (the editor offers only links the server keeps)', () => {
  it('accepts http, https and mailto', () => {
    expect(isAllowedHref('https://intra.example/page?a=1')).toBe(true);
    expect(isAllowedHref(' http://x.example ')).toBe(true);
    expect(isAllowedHref('mailto:equipe@example.org')).toBe(true);
  });
  it('refuses script, data, relative and empty targets', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.example',
      '',
      'https://',
    ]) {
      expect(isAllowedHref(href)).toBe(false);
    }
  });
});
