import { canEditLogEntry, LOG_ENTRY_LIMITS, logEntryEditableUntil, sortLogEntries, validateLogEntry } from './log-book';

const createdAt = new Date('2027-03-01T10:00:00Z');
const entry = { writerId: 'w', createdAt };
const at = (iso: string) => new Date(iso);

describe('log book', () => {
  it('lets the writer edit for 24 hours, then is append-only', () => {
    expect(canEditLogEntry(entry, 'w', at('2027-03-02T09:59:59Z'))).toEqual({ ok: true });
    expect(canEditLogEntry(entry, 'w', at('2027-03-02T10:00:00Z'))).toEqual({
      ok: false,
      reason: 'edit_window_closed',
    });
    expect(logEntryEditableUntil(entry)).toEqual(at('2027-03-02T10:00:00Z'));
  });

  it('never lets anyone but the writer edit', () => {
    expect(canEditLogEntry(entry, 'other', at('2027-03-01T10:05:00Z'))).toEqual({ ok: false, reason: 'not_writer' });
  });

  it('refuses an empty, huge, future or pre-experiment entry', () => {
    const start = at('2027-02-01T00:00:00Z');
    const now = at('2027-03-01T12:00:00Z');
    expect(
      validateLogEntry({ body: 'Tried it at the desk', occurredOn: at('2027-02-15T00:00:00Z') }, start, now),
    ).toEqual([]);
    const codes = (body: string, occurredOn: Date) =>
      validateLogEntry({ body, occurredOn }, start, now).map((p) => `${p.field}:${p.code}`);
    expect(codes('', at('2027-02-15T00:00:00Z'))).toEqual(['body:required']);
    expect(codes('x'.repeat(LOG_ENTRY_LIMITS.bodyMax + 1), at('2027-02-15T00:00:00Z'))).toEqual(['body:maxLength']);
    expect(codes('ok', at('2027-03-02T00:00:00Z'))).toEqual(['occurredOn:must_not_be_future']);
    expect(codes('ok', at('2027-01-31T00:00:00Z'))).toEqual(['occurredOn:before_experiment']);
    expect(codes('ok', new Date('nope'))).toEqual(['occurredOn:invalid_date']);
  });

  it('reads back by day, then by writing time', () => {
    const e = (id: string, day: string, written: string) => ({
      id,
      writerId: 'w',
      occurredOn: at(day),
      createdAt: at(written),
    });
    const sorted = sortLogEntries([
      e('c', '2027-02-03T00:00:00Z', '2027-02-03T09:00:00Z'),
      e('b', '2027-02-01T00:00:00Z', '2027-02-05T09:00:00Z'),
      e('a', '2027-02-01T00:00:00Z', '2027-02-01T09:00:00Z'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
