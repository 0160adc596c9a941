import type { Actor } from '@eclore/domain';
import type { Idea, LoadedIdea, NewIdeaEvent } from '@eclore/server-ideas';
import type { Person } from '@eclore/server-identity';
import type { QualificationAssignment } from '../entities';
import type { NetworkMember } from './routing.repository';
import type { AssignmentDto, QueueIdeaDto, ReviewerDto } from './routing.dto';

/** Who wrote the idea (authors and the person who captured it): never its reviewers. */
export function authorIdsOf(loaded: LoadedIdea): string[] {
  return [...loaded.authors.map((a) => a.personId), ...(loaded.idea.capturedBy ? [loaded.idea.capturedBy] : [])];
}

/** The people an assignment names: its reviewer and who assigned it. */
export function assignmentPeopleIds(rows: readonly QualificationAssignment[]): string[] {
  return rows.flatMap((r) => [r.personId, ...(r.assignedBy ? [r.assignedBy] : [])]);
}

export function reviewerDto(m: NetworkMember): ReviewerDto {
  return {
    id: m.personId,
    givenName: m.givenName,
    familyName: m.familyName,
    openAssignments: m.openAssignments,
    absentUntil: m.absentUntil ? m.absentUntil.toISOString() : null,
  };
}

export function queueIdea(idea: Idea): QueueIdeaDto {
  // Title and place only: a queue names no author, so an anonymous one cannot leak from here.
  return {
    id: idea.id,
    title: idea.title,
    status: idea.status,
    orgUnitName: idea.orgUnit?.name ?? null,
    themes: idea.themes,
  };
}

export function assignmentDto(r: QualificationAssignment, people: ReadonlyMap<string, Person>): AssignmentDto {
  const person = people.get(r.personId);
  const by = r.assignedBy ? people.get(r.assignedBy) : undefined;
  return {
    id: r.id,
    ideaId: r.ideaId,
    reviewer: { id: r.personId, givenName: person?.givenName ?? '', familyName: person?.familyName ?? '' },
    assignedBy: by ? { id: by.id, givenName: by.givenName, familyName: by.familyName } : null,
    assignedAt: r.assignedAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
    endReason: r.endReason,
  };
}

/** A manual change's private idea event. */
export function assignmentEvent(
  ideaId: string,
  type: 'assigned' | 'unassigned',
  assigneeId: string,
  actor: Actor,
): NewIdeaEvent {
  return { ideaId, type, actorId: actor.personId, public: false, data: { assigneeId } };
}
