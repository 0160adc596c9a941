import { ValidationFailed } from '@eclore/domain';
import { cursorField as f, defineCursor } from './cursor';

const UUID = '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd';
const forge = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

describe('the one keyset-cursor codec', () => {
  const codec = defineCursor({ key: f.pgTimestamp, id: f.uuid, n: f.nullable(f.int8) });

  it('round-trips what it encodes, typed', () => {
    const value = { key: '2026-03-01 09:15:00.123456+00', id: UUID, n: '42' };
    expect(codec.decode(codec.encode(value))).toEqual(value);
    expect(codec.decode(codec.encode({ ...value, n: null }))).toEqual({ ...value, n: null });
  });

  it.each([
    ['not base64', '***'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['not an array', forge({ key: 'x' })],
    ['wrong arity', forge(['2026-03-01 09:15:00+00', UUID])],
    ['a month that does not exist', forge(['2026-99-01 09:15:00+00', UUID, null])],
    ['30 February', forge(['2026-02-30 09:15:00+00', UUID, null])],
    ['hour 24', forge(['2026-03-01 24:00:00+00', UUID, null])],
    ['an id of dashes', forge(['2026-03-01 09:15:00+00', '-'.repeat(36), null])],
    ['a bigint overflow', forge(['2026-03-01 09:15:00+00', UUID, '9223372036854775808'])],
    ['a number instead of text', forge(['2026-03-01 09:15:00+00', UUID, 42])],
    ['too long', 'A'.repeat(5000)],
  ])('refuses %s with a 400 naming the parameter', (_name, raw) => {
    let error: unknown;
    try {
      codec.decode(raw, 'after');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).fields).toEqual([expect.objectContaining({ field: 'after', code: 'invalidCursor' })]);
  });

  it('checks each kind against what PostgreSQL casts accept', () => {
    expect([f.int4.check('2147483647'), f.int4.check('2147483648'), f.int4.check('1.5')]).toEqual([true, false, false]);
    expect([f.int8.check('-9223372036854775808'), f.int8.check('9223372036854775808')]).toEqual([true, false]);
    expect([f.serialId.check('1'), f.serialId.check('0'), f.serialId.check('-1')]).toEqual([true, false, false]);
    expect([f.float4.check('0.0607927'), f.float4.check('6.07927e-05'), f.float4.check('1e39'), f.float4.check('1e-50'), f.float4.check('0')]).toEqual([true, true, false, false, true]);
    expect([f.float8.check('1e308'), f.float8.check('1e309'), f.float8.check('1e-400')]).toEqual([true, false, false]);
    expect([f.isoTimestamp.check('2026-02-28T23:59:59.999Z'), f.isoTimestamp.check('2026-02-29T00:00:00.000Z'), f.isoTimestamp.check('2024-02-29T00:00:00.000Z')]).toEqual([true, false, true]);
    expect([f.pgTimestamp.check('2026-03-01 09:15:00+05:30'), f.pgTimestamp.check('2026-03-01 09:15:00+16')]).toEqual([true, false]);
    expect([f.text(5).check('abc'), f.text(5).check('abcdef'), f.text().check('a\u0000'), f.text().check('a\ud800')]).toEqual([true, false, false, false]);
    expect([f.oneOf(['a', 'b']).check('a'), f.oneOf(['a', 'b']).check('c')]).toEqual([true, false]);
  });
});
