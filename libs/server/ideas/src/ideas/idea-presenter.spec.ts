import type { Actor } from '@eclore/domain';
import type { Idea } from '../entities';
import { hiddenActorIds, presentIdea, type IdeaAuthorView, type IdeaViewer } from './idea-presenter';

/** The presenter's per-author rule: a credit kept anonymous by a merge is its holder's alone. */
const now = new Date('2026-12-01T10:00:00Z');

function idea(overrides: Partial<Idea> = {}): Idea {
  return {
    id: 'idea-1',
    kind: 'problem',
    status: 'visible',
    title: 'Target',
    summary: '',
    bodyHtml: '',
    whoSuffers: null,
    frequency: null,
    expectedBenefits: null,
    needs: null,
    orgUnitId: null,
    orgUnit: null,
    themes: [],
    campaignId: null,
    anonymous: false,
    authorId: 'named',
    capturedBy: null,
    capturer: null,
    captureChannel: null,
    submittedAt: now,
    publishedAt: now,
    withdrawnAt: null,
    answerText: null,
    answerGivenAt: null,
    answerPublishedAt: null,
    mergedIntoId: null,
    parkedUntil: null,
    hiddenAt: null,
    supportCount: 0,
    commentCount: 0,
    followerCount: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  } as Idea;
}

const row = (personId: string, role: IdeaAuthorView['role'], anonymous = false): IdeaAuthorView => ({
  personId,
  role,
  status: 'accepted',
  givenName: personId,
  familyName: `Family ${personId}`,
  anonymous,
});

const actor = (personId: string, roles: Actor['assignments'] = []): Actor => ({
  personId,
  orgUnitId: null,
  assignments: roles,
});

const viewer = (personId: string, extra: Partial<IdeaViewer> = {}): IdeaViewer => ({
  actor: actor(personId),
  isAuthor: ['named', 'fellow', 'merged'].includes(personId),
  isIdeaTeamMember: false,
  isImplementationOwner: false,
  target: { orgUnitPath: [], themes: [] },
  now,
  ...extra,
});

// A named idea: its author, a named co-author, and a co-author whose credit came anonymous from a merge.
const authors = [row('named', 'author'), row('fellow', 'co_author'), row('merged', 'co_author', true)];
const shown = (personId: string, extra: Partial<IdeaViewer> = {}) => {
  const dto = presentIdea(idea(), authors, viewer(personId, extra));
  return [dto.author?.id, ...dto.coAuthors.map((c) => c.id)].filter(Boolean);
};

describe('presentIdea: anonymous credits on a named idea', () => {
  it('hides a merged anonymous credit from readers and from the other authors', () => {
    expect(shown('reader')).toEqual(['named', 'fellow']);
    expect(shown('named')).toEqual(['named', 'fellow']);
    expect(shown('fellow')).toEqual(['named', 'fellow']);
  });

  it('shows it to its holder, and through the guardian’s reveal', () => {
    expect(shown('merged')).toEqual(['named', 'fellow', 'merged']);
    expect(shown('guardian', { revealed: true })).toEqual(['named', 'fellow', 'merged']);
  });

  it('counts it among the hidden actors of the timeline and attachments, for everyone but its holder', () => {
    expect([...hiddenActorIds(idea(), authors, viewer('reader'))]).toEqual(['merged']);
    expect([...hiddenActorIds(idea(), authors, viewer('named'))]).toEqual(['merged']);
    expect([...hiddenActorIds(idea(), authors, viewer('merged'))]).toEqual([]);
  });
});

describe('hiddenActorIds: the capturer of an anonymous idea', () => {
  const anonymous = idea({ anonymous: true, authorId: 'named', capturedBy: 'capturer' });
  const own = [row('named', 'author')];

  it('hides the capturer with the authors from anyone who may not see the authors', () => {
    expect([...hiddenActorIds(anonymous, own, viewer('reader', { isAuthor: false }))].sort()).toEqual([
      'capturer',
      'named',
    ]);
  });

  it('hides nobody from the author, nor the author from the capturer', () => {
    expect([...hiddenActorIds(anonymous, own, viewer('named'))]).toEqual([]);
    expect([...hiddenActorIds(anonymous, own, viewer('capturer', { isAuthor: true }))]).toEqual([]);
  });

  it('hides no capturer of a named idea', () => {
    const named = idea({ capturedBy: 'capturer' });
    expect([...hiddenActorIds(named, own, viewer('reader', { isAuthor: false }))]).toEqual([]);
  });
});
