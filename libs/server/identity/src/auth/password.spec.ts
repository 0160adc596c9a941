import { safeEqual } from '../access/access.guard';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './password';

const codes = (password: string, userInputs?: string[]) =>
  checkPasswordPolicy(password, { userInputs }).map((p) => p.code);

describe('password policy (NIST SP 800-63B)', () => {
  it('requires 12 to 128 characters, counted as characters rather than bytes', () => {
    expect(codes('short pass1')).toEqual(['password_too_short']);
    expect(codes('é'.repeat(11))).toEqual(['password_too_short']);
    expect(codes('x'.repeat(129))).toEqual(['password_too_long']);
  });

  it('imposes no composition rule: a long passphrase of plain lowercase words passes', () => {
    expect(codes('correct horse battery staple')).toEqual([]);
    expect(codes('tartine confiture parapluie girafe')).toEqual([]);
  });

  it('refuses common, keyboard-pattern and repeated passwords', () => {
    expect(codes('password1234')).toEqual(['password_too_common']);
    expect(codes('azertyuiop123')).toEqual(['password_too_common']);
    expect(codes('motdepasse123')).toEqual(['password_too_common']);
    expect(codes('aaaaaaaaaaaaaaaa')).toEqual(['password_too_common']);
  });

  it("refuses a password built on the person's own name or e-mail", () => {
    expect(codes('Jean.Dupont1985')).toEqual([]);
    expect(codes('Jean.Dupont1985', ['Jean', 'Dupont', 'jean.dupont@example.org'])).toEqual(['password_too_common']);
  });

  it('names the field it was asked about', () => {
    expect(checkPasswordPolicy('short', { field: 'newPassword' })[0]).toMatchObject({
      field: 'newPassword',
      code: 'password_too_short',
    });
  });
});

describe('password hashing', () => {
  it('hashes with argon2id, a salt per hash, and verifies', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword(a, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(a, 'correct horse battery stapl')).resolves.toBe(false);
  });

  it('refuses rather than throws on a malformed stored hash', async () => {
    await expect(verifyPassword('not a hash', 'anything at all')).resolves.toBe(false);
  });

  it('keeps one dummy argon2id hash for unknown accounts', async () => {
    expect(await dummyPasswordHash()).toMatch(/^\$argon2id\$/);
    expect(await dummyPasswordHash()).toBe(await dummyPasswordHash());
  });
});

describe('constant-time comparison of CSRF tokens', () => {
  it('compares equal strings equal and anything else unequal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
  });
});
