import {
  actorVisibleTo,
  digestPeriodKey,
  effectivePreferences,
  notificationRecipients,
  type NotifiableEvent,
} from './recipients';

const base = (over: Partial<NotifiableEvent>): NotifiableEvent => ({
  type: 'commented',
  actorId: 'actor',
  data: {},
  authors: [
    { personId: 'author', role: 'author', status: 'accepted' },
    { personId: 'coauthor', role: 'co_author', status: 'accepted' },
    { personId: 'invitee', role: 'co_author', status: 'invited' },
  ],
  followerIds: ['follower', 'author'],
  ...over,
});

const byPerson = (event: NotifiableEvent) =>
  Object.fromEntries(
    notificationRecipients(event).map((r) => [r.personId, `${r.category}${r.needsAction ? '!' : ''}`]),
  );

describe('notificationRecipients', () => {
  it('tells accepted authors (my_ideas) and followers of a comment, once each, never the actor nor an invitee', () => {
    expect(byPerson(base({}))).toEqual({ author: 'my_ideas', coauthor: 'my_ideas', follower: 'followed_ideas' });
    expect(byPerson(base({ actorId: 'follower' }))).toEqual({ author: 'my_ideas', coauthor: 'my_ideas' });
  });

  it('asks the authors to act when the idea is returned to them, and tells no follower', () => {
    expect(byPerson(base({ type: 'return_to_authors', actorId: 'network' }))).toEqual({
      author: 'needs_action!',
      coauthor: 'needs_action!',
    });
  });

  it('tells the mentioned person only, under mentions', () => {
    expect(byPerson(base({ type: 'mentioned', data: { personId: 'someone' } }))).toEqual({ someone: 'mentions' });
    expect(byPerson(base({ type: 'mentioned', actorId: 'someone', data: { personId: 'someone' } }))).toEqual({});
  });

  it('asks an invited co-author to answer (only the one invited by this event)', () => {
    expect(byPerson(base({ type: 'co_author_invited', actorId: 'author', data: { personId: 'invitee' } }))).toEqual({
      invitee: 'needs_action!',
    });
  });

  it('tells the absorbed idea’s supporters and followers of a merge, and its authors under my_ideas', () => {
    const event = base({
      type: 'merged',
      actorId: 'network',
      data: { recipients: { authorsOfIdeaId: 'x', supporterIds: ['s1', 'author'], followerIds: ['f2'] } },
    });
    expect(byPerson(event)).toEqual({
      author: 'my_ideas',
      coauthor: 'my_ideas',
      follower: 'followed_ideas',
      s1: 'followed_ideas',
      f2: 'followed_ideas',
    });
  });

  it('tells authors of moderation (idea hidden) and a comment’s author (comment hidden)', () => {
    expect(byPerson(base({ type: 'hidden', actorId: 'network' }))).toEqual({
      author: 'moderation',
      coauthor: 'moderation',
    });
    expect(byPerson(base({ type: 'comment_hidden', actorId: 'network', commentAuthorId: 'follower' }))).toEqual({
      follower: 'moderation',
    });
  });

  it('tells nobody of events that concern nobody else (attachment removed, author revealed)', () => {
    expect(byPerson(base({ type: 'attachment_removed' }))).toEqual({});
    expect(byPerson(base({ type: 'author_revealed', actorId: 'guardian' }))).toEqual({});
  });
});

describe('actorVisibleTo', () => {
  const authorIds = ['a1', 'a2'];
  it('names an anonymous idea’s author to the other authors only', () => {
    expect(actorVisibleTo({ actorId: 'a1', recipientId: 'a2', anonymousIdea: true, authorIds })).toBe(true);
    expect(actorVisibleTo({ actorId: 'a1', recipientId: 'someone', anonymousIdea: true, authorIds })).toBe(false);
    expect(actorVisibleTo({ actorId: 'a1', recipientId: 'someone', anonymousIdea: false, authorIds })).toBe(true);
    expect(actorVisibleTo({ actorId: 'other', recipientId: 'a1', anonymousIdea: true, authorIds })).toBe(true);
    expect(actorVisibleTo({ actorId: null, recipientId: 'a1', anonymousIdea: false, authorIds })).toBe(false);
  });
});

describe('preferences and digest periods', () => {
  it('takes the personal choice over the organisation default over the built-in one', () => {
    const p = effectivePreferences({ followed_ideas: 'weekly', mentions: 'daily' }, { mentions: 'off' });
    expect(p).toMatchObject({ followed_ideas: 'weekly', mentions: 'off', my_ideas: 'immediately' });
  });

  it('keys a daily digest by UTC day and a weekly one by its Monday', () => {
    expect(digestPeriodKey('daily', new Date('2026-11-25T07:00:00Z'))).toBe('daily:2026-11-25');
    expect(digestPeriodKey('weekly', new Date('2026-11-25T07:00:00Z'))).toBe('weekly:2026-11-23');
    expect(digestPeriodKey('weekly', new Date('2026-11-23T00:00:00Z'))).toBe('weekly:2026-11-23');
    expect(digestPeriodKey('weekly', new Date('2026-11-29T23:00:00Z'))).toBe('weekly:2026-11-23');
  });
});
