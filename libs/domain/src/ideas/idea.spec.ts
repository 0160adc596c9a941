import { SUPPORTED_LOCALES } from '../locale';
import { IDEA_STATUSES, IDEA_STATUS_LABELS, STAGES, awaitingAnswer, isEndState, isIdeaStatus, isPublic } from './idea';
import { EARLIER, NOW, makeIdea } from './testing';

describe('idea statuses', () => {
  it('orders the eight stages of the public timeline', () => {
    expect(STAGES).toEqual([
      'emerge',
      'collect',
      'visible',
      'qualify',
      'decide',
      'prototype',
      'implement',
      'follow_up',
    ]);
  });

  it('knows the final states from the waiting ones', () => {
    expect(IDEA_STATUSES.filter(isEndState).sort()).toEqual(['closed', 'declined', 'merged', 'stopped', 'withdrawn']);
    expect(isEndState('returned')).toBe(false);
    expect(isEndState('parked')).toBe(false);
    for (const stage of STAGES) expect(isEndState(stage)).toBe(false);
  });

  it('recognises a status at run time', () => {
    expect(isIdeaStatus('parked')).toBe(true);
    expect(isIdeaStatus('make_visible')).toBe(false);
    expect(isIdeaStatus(3)).toBe(false);
  });

  it('names every status in French and English', () => {
    for (const status of IDEA_STATUSES) {
      for (const locale of SUPPORTED_LOCALES) expect(IDEA_STATUS_LABELS[status][locale].length).toBeGreaterThan(0);
    }
  });
});

describe('isPublic', () => {
  it.each([
    'visible',
    'qualify',
    'decide',
    'parked',
    'prototype',
    'implement',
    'follow_up',
    'closed',
    'declined',
    'merged',
    'stopped',
    'withdrawn',
  ] as const)('shows a published idea that is %s', (status) => {
    expect(isPublic(makeIdea(status, { publishedAt: EARLIER }))).toBe(true);
  });

  it.each(['emerge', 'collect', 'returned'] as const)(
    'never shows an idea that is %s, even once published',
    (status) => {
      expect(isPublic(makeIdea(status, { publishedAt: EARLIER }))).toBe(false);
    },
  );

  it('does not show an idea withdrawn, declined or merged before publication', () => {
    for (const status of ['withdrawn', 'declined', 'merged'] as const) {
      expect(isPublic(makeIdea(status, { publishedAt: null }))).toBe(false);
    }
  });

  it('hides an idea hidden by moderation, whatever its status', () => {
    expect(isPublic(makeIdea('visible', { hiddenAt: NOW }))).toBe(false);
  });
});

describe('awaitingAnswer', () => {
  const published = { text: 'Yes.', givenAt: NOW, publishedAt: NOW };

  it.each(['collect', 'visible', 'qualify'] as const)(
    'is true for a submitted idea in %s without an answer',
    (status) => {
      expect(awaitingAnswer(makeIdea(status))).toBe(true);
    },
  );

  it('is false once an answer is published, true while it is not', () => {
    expect(awaitingAnswer(makeIdea('decide', { answer: published }))).toBe(false);
    expect(awaitingAnswer(makeIdea('decide', { answer: { ...published, publishedAt: null } }))).toBe(true);
  });

  it('is false for drafts, ideas back with their authors, and ended ideas', () => {
    expect(awaitingAnswer(makeIdea('emerge'))).toBe(false);
    expect(awaitingAnswer(makeIdea('returned'))).toBe(false);
    for (const status of IDEA_STATUSES.filter(isEndState)) expect(awaitingAnswer(makeIdea(status))).toBe(false);
  });

  it('is false for an idea never submitted, whatever its status says', () => {
    expect(awaitingAnswer(makeIdea('collect', { submittedAt: null }))).toBe(false);
  });
});
