import { randomBytes } from 'node:crypto';
import { signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const key = randomBytes(32);
  const person = '3f1c2b9e-8a51-4c1e-9a0f-2b7c5d4e6f70';

  it('round-trips a person and category', () => {
    expect(verifyUnsubscribe(key, signUnsubscribe(key, person, 'mentions'))).toEqual({
      personId: person,
      category: 'mentions',
    });
  });

  it('refuses another key, a changed category or person, and garbage', () => {
    const token = signUnsubscribe(key, person, 'mentions');
    expect(verifyUnsubscribe(randomBytes(32), token)).toBeNull();
    const decoded = Buffer.from(token, 'base64url').toString();
    expect(
      verifyUnsubscribe(key, Buffer.from(decoded.replace('mentions', 'my_ideas')).toString('base64url')),
    ).toBeNull();
    expect(verifyUnsubscribe(key, Buffer.from(decoded.replace('3f1c', '4f1c')).toString('base64url'))).toBeNull();
    expect(verifyUnsubscribe(key, 'not-a-token')).toBeNull();
    expect(verifyUnsubscribe(key, '')).toBeNull();
  });
});
