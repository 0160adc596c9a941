import type { Person } from '@eclore/server-identity';
import type { MyRecognitionDto, RecognitionDto } from './recognition.dto';
import type { RecognitionListRow } from './recognition.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * A recognition as a recogniser reads it: an anonymous author who has not claimed the idea is never
 * named (person null, "an anonymous author" on screen); their person is not even looked up.
 */
export function presentForRecogniser(row: RecognitionListRow, people: ReadonlyMap<string, Person>): RecognitionDto {
  const person = row.hidden ? undefined : people.get(row.personId);
  return {
    id: row.id,
    idea: { id: row.ideaId, title: row.ideaTitle },
    milestone: row.milestone,
    person: person ? { id: person.id, givenName: person.givenName, familyName: person.familyName } : null,
    anonymousAuthor: row.hidden,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    form: row.form,
    message: row.message,
    isPublic: row.isPublic,
    publicDeclined: row.publicDeclinedAt !== null,
    dismissReason: row.dismissReason,
    decidedAt: iso(row.recordedAt),
  };
}

/** One of the person's own recorded recognitions. */
export function presentMine(row: RecognitionListRow): MyRecognitionDto {
  return {
    id: row.id,
    idea: { id: row.ideaId, title: row.ideaTitle },
    milestone: row.milestone,
    form: row.form!,
    message: row.message ?? '',
    isPublic: row.isPublic,
    publicDeclined: row.publicDeclinedAt !== null,
    anonymous: row.hidden,
    recordedAt: (row.recordedAt ?? row.openedAt).toISOString(),
  };
}
