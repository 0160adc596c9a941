import { randomBytes } from 'node:crypto';
import { openUnsubscribe, sealUnsubscribe } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const key = randomBytes(32);
  const person = '3f1c2b9e-8a51-4c1e-9a0f-2b7c5d4e6f70';

  it('round-trips a person and categories', () => {
    expect(openUnsubscribe(key, sealUnsubscribe(key, person, ['mentions']))).toEqual({
      personId: person,
      categories: ['mentions'],
    });
    expect(openUnsubscribe(key, sealUnsubscribe(key, person, ['mentions', 'my_ideas', 'mentions']))).toEqual({
      personId: person,
      categories: ['mentions', 'my_ideas'],
    });
  });

  it('is opaque: the person id is in no form of the token, and two tokens differ', () => {
    const token = sealUnsubscribe(key, person, ['mentions']);
    const decoded = [
      token,
      Buffer.from(token, 'base64url').toString('latin1'),
      Buffer.from(token, 'base64url').toString('hex'),
    ];
    for (const form of decoded) {
      expect(form).not.toContain(person);
      expect(form).not.toContain(person.replace(/-/g, ''));
      expect(form).not.toContain('mentions');
    }
    expect(sealUnsubscribe(key, person, ['mentions'])).not.toBe(token);
  });

  it('refuses another key, any changed byte, a truncated token and garbage', () => {
    const token = sealUnsubscribe(key, person, ['mentions']);
    expect(openUnsubscribe(randomBytes(32), token)).toBeNull();
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i += 1) {
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      expect(openUnsubscribe(key, altered.toString('base64url'))).toBeNull();
    }
    expect(openUnsubscribe(key, bytes.subarray(0, bytes.length - 1).toString('base64url'))).toBeNull();
    expect(openUnsubscribe(key, 'not-a-token')).toBeNull();
    expect(openUnsubscribe(key, '')).toBeNull();
    expect(openUnsubscribe(key, 'a'.repeat(5000))).toBeNull();
    expect(openUnsubscribe(key, '\u0000')).toBeNull();
    // The old readable format (person.category.mac) is not accepted.
    expect(openUnsubscribe(key, Buffer.from(`${person}.mentions.abc`).toString('base64url'))).toBeNull();
  });
});
