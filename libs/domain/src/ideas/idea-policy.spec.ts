import { IDEA_STATUSES, isEndState } from './idea';
import {
  canComment,
  canCreateIdea,
  canEditIdea,
  canReadIdea,
  canSeeAuthor,
  canSupport,
  type PhaseFeatures,
} from './idea-policy';
import { NOW, makeIdea, personas } from './testing';

const allOn: PhaseFeatures = { submissions: true, supports: true, comments: true };
const allOff: PhaseFeatures = { submissions: false, supports: false, comments: false };

describe('canReadIdea', () => {
  const draft = makeIdea('emerge');

  it('keeps a draft to its authors and the anonymity guardian', () => {
    expect(canReadIdea(draft, personas.author)).toEqual({ allowed: true });
    expect(canReadIdea(draft, personas.guardian)).toEqual({ allowed: true });
    for (const other of [personas.employee, personas.networkInScope, personas.committeeInScope, personas.admin]) {
      expect(canReadIdea(draft, other)).toEqual({ allowed: false, reason: 'draft_private' });
    }
  });

  it('keeps a draft withdrawn before submission private too', () => {
    expect(
      canReadIdea(makeIdea('withdrawn', { submittedAt: null, publishedAt: null }), personas.networkInScope).allowed,
    ).toBe(false);
  });

  it.each(['collect', 'returned'] as const)(
    'shows an idea in %s to the network and committee in scope, not to others',
    (status) => {
      const idea = makeIdea(status);
      expect(canReadIdea(idea, personas.author).allowed).toBe(true);
      expect(canReadIdea(idea, personas.networkInScope).allowed).toBe(true);
      expect(canReadIdea(idea, personas.networkByTheme).allowed).toBe(true);
      expect(canReadIdea(idea, personas.committeeInScope).allowed).toBe(true);
      expect(canReadIdea(idea, personas.networkOutOfScope)).toEqual({ allowed: false, reason: 'not_public' });
      expect(canReadIdea(idea, personas.committeeOutOfScope).allowed).toBe(false);
      expect(canReadIdea(idea, personas.employee)).toEqual({ allowed: false, reason: 'not_public' });
    },
  );

  it('shows a public idea to every employee', () => {
    expect(canReadIdea(makeIdea('visible'), personas.employee).allowed).toBe(true);
    expect(canReadIdea(makeIdea('closed'), personas.networkOutOfScope).allowed).toBe(true);
  });

  it('hides a moderated idea from the public but not from its authors and the network in scope', () => {
    const hidden = makeIdea('visible', { hiddenAt: NOW });
    expect(canReadIdea(hidden, personas.employee).allowed).toBe(false);
    expect(canReadIdea(hidden, personas.author).allowed).toBe(true);
    expect(canReadIdea(hidden, personas.networkInScope).allowed).toBe(true);
  });

  it('lets the system read anything (scheduled jobs)', () => {
    expect(canReadIdea(makeIdea('emerge'), personas.system).allowed).toBe(true);
  });
});

describe('canEditIdea', () => {
  it.each(IDEA_STATUSES)('lets authors edit only drafts and returned ideas (%s)', (status) => {
    const editable = status === 'emerge' || status === 'returned';
    expect(canEditIdea(makeIdea(status), personas.author)).toEqual(
      editable ? { allowed: true } : { allowed: false, reason: 'not_editable' },
    );
    expect(canEditIdea(makeIdea(status), personas.networkInScope)).toEqual({ allowed: false, reason: 'not_author' });
  });
});

describe('canSeeAuthor', () => {
  const anonymous = makeIdea('visible', { anonymous: true });

  it('shows an anonymous idea’s author only to the authors and the anonymity guardian', () => {
    expect(canSeeAuthor(anonymous, personas.author).allowed).toBe(true);
    expect(canSeeAuthor(anonymous, personas.guardian).allowed).toBe(true);
    for (const other of [
      personas.employee,
      personas.networkInScope,
      personas.committeeInScope,
      personas.admin,
      personas.ideaTeam,
      personas.system,
    ]) {
      expect(canSeeAuthor(anonymous, other)).toEqual({ allowed: false, reason: 'anonymous' });
    }
  });

  it('shows a named idea’s author to whoever may read the idea', () => {
    expect(canSeeAuthor(makeIdea('visible'), personas.employee).allowed).toBe(true);
    expect(canSeeAuthor(makeIdea('collect'), personas.networkInScope).allowed).toBe(true);
    expect(canSeeAuthor(makeIdea('collect'), personas.employee)).toEqual({ allowed: false, reason: 'not_public' });
  });
});

describe('taking part', () => {
  it('opens new ideas only while the phase takes submissions', () => {
    expect(canCreateIdea(personas.employee, allOn).allowed).toBe(true);
    expect(canCreateIdea(personas.employee, allOff)).toEqual({ allowed: false, reason: 'submissions_closed' });
    expect(canCreateIdea(personas.system, allOn)).toEqual({ allowed: false, reason: 'person_required' });
  });

  it('lets employees support and comment on public ideas under way', () => {
    expect(canSupport(makeIdea('visible'), personas.employee, allOn).allowed).toBe(true);
    expect(canComment(makeIdea('qualify'), personas.employee, allOn).allowed).toBe(true);
    expect(canComment(makeIdea('visible'), personas.author, allOn).allowed).toBe(true);
  });

  it('follows the phase switches', () => {
    expect(canSupport(makeIdea('visible'), personas.employee, { ...allOn, supports: false })).toEqual({
      allowed: false,
      reason: 'supports_closed',
    });
    expect(canComment(makeIdea('visible'), personas.employee, { ...allOn, comments: false })).toEqual({
      allowed: false,
      reason: 'comments_closed',
    });
    expect(canSupport(makeIdea('visible'), personas.employee, { ...allOn, comments: false }).allowed).toBe(true);
  });

  it('refuses ideas not on the wall and ended ones', () => {
    expect(canSupport(makeIdea('collect'), personas.employee, allOn)).toEqual({ allowed: false, reason: 'not_public' });
    expect(canComment(makeIdea('visible', { hiddenAt: NOW }), personas.employee, allOn)).toEqual({
      allowed: false,
      reason: 'not_public',
    });
    for (const status of IDEA_STATUSES.filter(isEndState)) {
      expect(canSupport(makeIdea(status), personas.employee, allOn)).toEqual({ allowed: false, reason: 'idea_ended' });
      expect(canComment(makeIdea(status), personas.employee, allOn)).toEqual({ allowed: false, reason: 'idea_ended' });
    }
  });

  it('does not let authors support their own idea, nor the system take part', () => {
    expect(canSupport(makeIdea('visible'), personas.author, allOn)).toEqual({ allowed: false, reason: 'own_idea' });
    expect(canSupport(makeIdea('visible'), personas.system, allOn)).toEqual({
      allowed: false,
      reason: 'person_required',
    });
    expect(canComment(makeIdea('visible'), personas.system, allOn)).toEqual({
      allowed: false,
      reason: 'person_required',
    });
  });
});
