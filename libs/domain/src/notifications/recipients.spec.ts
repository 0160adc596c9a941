import {
  actorVisibleTo,
  actsAsHiddenAuthor,
  digestPeriodKey,
  effectivePreferences,
  emailFrequency,
  eventDetail,
  notificationPath,
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

  it('tells the adopted comment’s writer alone, never the authors or followers, even when an anonymous author adopted it', () => {
    const adopted = { type: 'comment_adopted', data: { commentId: 'c', personId: 'writer' } };
    expect(byPerson(base({ ...adopted, actorId: 'author' }))).toEqual({ writer: 'my_ideas' });
    expect(byPerson(base({ ...adopted, actorId: null }))).toEqual({ writer: 'my_ideas' });
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

describe('notificationRecipients: qualification and committee events (issue 5)', () => {
  it('asks the assignee to act on an assignment, tells the former one of an unassignment, and no author or follower', () => {
    expect(byPerson(base({ type: 'assigned', actorId: 'lead', data: { assigneeId: 'reviewer' } }))).toEqual({
      reviewer: 'needs_action!',
    });
    expect(byPerson(base({ type: 'unassigned', actorId: 'lead', data: { assigneeId: 'reviewer' } }))).toEqual({
      reviewer: 'needs_action',
    });
    // Routing by the system (no actor) still tells the assignee; assigning oneself tells no one.
    expect(byPerson(base({ type: 'assigned', actorId: null, data: { assigneeId: 'reviewer' } }))).toEqual({
      reviewer: 'needs_action!',
    });
    expect(byPerson(base({ type: 'assigned', actorId: 'reviewer', data: { assigneeId: 'reviewer' } }))).toEqual({});
  });

  it('reminds the assignees and escalates to the leads only (not the assignees twice, not the authors)', () => {
    const deadline = { deadline: 'qualification', dueAt: '2026-12-01T00:00:00.000Z' };
    expect(
      byPerson(
        base({ type: 'qualification_reminder', actorId: null, data: { assigneeIds: ['r1', 'r2'], ...deadline } }),
      ),
    ).toEqual({ r1: 'needs_action!', r2: 'needs_action!' });
    expect(
      byPerson(
        base({
          type: 'qualification_escalated',
          actorId: null,
          data: { leadIds: ['lead'], assigneeIds: ['r1'], ...deadline },
        }),
      ),
    ).toEqual({ lead: 'needs_action!' });
  });

  it('tells only the people mentioned in a private note, under mentions, never the authors or followers', () => {
    expect(
      byPerson(
        base({ type: 'private_note_mention', actorId: 'r1', data: { mentionedIds: ['r2', 'r1'], noteId: 'n' } }),
      ),
    ).toEqual({ r2: 'mentions' });
  });

  it('asks committee members to prepare an idea put on an agenda', () => {
    expect(
      byPerson(
        base({
          type: 'committee_agenda_added',
          actorId: 'secretary',
          data: { sessionId: 's', memberIds: ['m1', 'm2', 'secretary'], sessionDate: '2026-12-10' },
        }),
      ),
    ).toEqual({ m1: 'needs_action!', m2: 'needs_action!' });
  });

  it('tells authors and followers of every outcome and decision; rework asks the authors to act', () => {
    for (const type of ['qualify', 'decline', 'decide_prototype', 'decide_implement', 'park'])
      expect(byPerson(base({ type, actorId: 'committee' }))).toEqual({
        author: 'my_ideas',
        coauthor: 'my_ideas',
        follower: 'followed_ideas',
      });
    expect(byPerson(base({ type: 'request_rework', actorId: 'network' }))).toEqual({
      author: 'needs_action!',
      coauthor: 'needs_action!',
      follower: 'followed_ideas',
    });
  });

  it('ignores malformed recipient data rather than failing', () => {
    expect(byPerson(base({ type: 'qualification_reminder', data: { assigneeIds: 'r1' } }))).toEqual({});
    expect(byPerson(base({ type: 'committee_agenda_added', data: { memberIds: [3, null, 'm1'] } }))).toEqual({
      m1: 'needs_action!',
    });
  });
});

describe('supports', () => {
  it('tell the accepted authors under my_ideas (recorded without the supporter), nobody else', () => {
    expect(byPerson(base({ type: 'supported', actorId: null }))).toEqual({ author: 'my_ideas', coauthor: 'my_ideas' });
  });

  it('never go out by e-mail one by one: "immediately" becomes the daily digest, other choices stay', () => {
    expect(emailFrequency('supported', 'immediately')).toBe('daily');
    expect(emailFrequency('supported', 'weekly')).toBe('weekly');
    expect(emailFrequency('supported', 'off')).toBe('off');
    expect(emailFrequency('commented', 'immediately')).toBe('immediately');
  });
});

describe('notificationPath and eventDetail', () => {
  it('leads work to where it is done and everything else to the idea', () => {
    const at = (eventType: string, data: Record<string, unknown> = {}) =>
      notificationPath({ eventType, ideaId: 'i', data });
    expect(at('assigned')).toBe('/ideas/i#qualification');
    expect(at('qualification_escalated')).toBe('/ideas/i#qualification');
    expect(at('private_note_mention', { noteId: 'n' })).toBe('/ideas/i#private-notes');
    expect(at('committee_agenda_added', { sessionId: 's' })).toBe('/committee/sessions/s');
    expect(at('commented', { commentId: 'c' })).toBe('/ideas/i#comment-c');
    expect(at('comment_adopted', { commentId: 'c' })).toBe('/ideas/i#comment-c');
    expect(at('decide_prototype')).toBe('/ideas/i');
    expect(notificationPath({ eventType: 'campaign_announced', ideaId: null, campaignId: 'c', data: {} })).toBe(
      '/campaigns/c',
    );
  });

  it('takes the reasoned answer from whichever text the event carries', () => {
    expect(eventDetail({ rationale: 'Trop coûteux', until: 'x' })).toBe('Trop coûteux');
    expect(eventDetail({ guidance: 'Préciser le coût' })).toBe('Préciser le coût');
    expect(eventDetail({ noteId: 'n', mentionedIds: ['a'] })).toBeNull();
  });
});

describe('actorVisibleTo', () => {
  const named = { anonymousIdea: false, authorIds: ['a1', 'a2'], capturerId: null, anonymousCreditIds: [] };
  const anonymous = { ...named, anonymousIdea: true, capturerId: 'cap' };
  it('names an anonymous idea’s author to the other authors only', () => {
    expect(actorVisibleTo({ ...anonymous, actorId: 'a1', recipientId: 'a2' })).toBe(true);
    expect(actorVisibleTo({ ...anonymous, actorId: 'a1', recipientId: 'someone' })).toBe(false);
    expect(actorVisibleTo({ ...named, actorId: 'a1', recipientId: 'someone' })).toBe(true);
    expect(actorVisibleTo({ ...anonymous, actorId: 'other', recipientId: 'a1' })).toBe(true);
    expect(actorVisibleTo({ ...named, actorId: null, recipientId: 'a1' })).toBe(false);
  });
  it('treats the capturer of an anonymous idea as its author', () => {
    expect(actorVisibleTo({ ...anonymous, actorId: 'cap', recipientId: 'someone' })).toBe(false);
    expect(actorVisibleTo({ ...anonymous, actorId: 'cap', recipientId: 'a1' })).toBe(true);
    expect(actorVisibleTo({ ...anonymous, actorId: 'a1', recipientId: 'cap' })).toBe(true);
    expect(actorVisibleTo({ ...named, capturerId: 'cap', actorId: 'cap', recipientId: 'someone' })).toBe(true);
  });
  it('names a credit kept anonymous by a merge to its holder only, even on a named idea', () => {
    const merged = { ...named, authorIds: ['a1', 'a2', 'm'], anonymousCreditIds: ['m'] };
    expect(actorVisibleTo({ ...merged, actorId: 'm', recipientId: 'someone' })).toBe(false);
    expect(actorVisibleTo({ ...merged, actorId: 'm', recipientId: 'a1' })).toBe(false);
    expect(actorVisibleTo({ ...merged, actorId: 'm', recipientId: 'm' })).toBe(true);
    expect(actorVisibleTo({ ...merged, actorId: 'a1', recipientId: 'someone' })).toBe(true);
    expect(actsAsHiddenAuthor(merged, 'm')).toBe(true);
    expect(actsAsHiddenAuthor(merged, 'a1')).toBe(false);
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

describe('notificationRecipients: the return to the field (issue 13)', () => {
  it('asks and reminds the people the event names, tells the network of a late one, never the followers', () => {
    const review = { reviewId: 'r', ordinal: 1, monthsAfterGoLive: 3, dueAt: '2027-03-01T00:00:00.000Z' };
    for (const type of ['field_review_asked', 'field_review_reminder'])
      expect(byPerson(base({ type, actorId: null, data: { ...review, recipientIds: ['owner', 'author'] } }))).toEqual({
        owner: 'needs_action!',
        author: 'needs_action!',
      });
    expect(
      byPerson(base({ type: 'field_review_late', actorId: null, data: { ...review, networkIds: ['n1'] } })),
    ).toEqual({ n1: 'needs_action!' });
    expect(notificationPath({ eventType: 'field_review_asked', ideaId: 'i', data: review })).toBe(
      '/ideas/i#field-reviews',
    );
  });

  it('tells the authors and followers of an answer, never the one who answered', () => {
    expect(byPerson(base({ type: 'field_review_answered', actorId: 'author' }))).toEqual({
      coauthor: 'my_ideas',
      follower: 'followed_ideas',
    });
  });
});

describe('impact measurements', () => {
  it('ask the network in scope to validate, and tell the owner and team once validated (never the actor, no follower)', () => {
    expect(
      byPerson(base({ type: 'impact.measurement_recorded', actorId: 'owner', data: { validatorIds: ['n1', 'n2'] } })),
    ).toEqual({ n1: 'needs_action!', n2: 'needs_action!' });
    expect(
      byPerson(base({ type: 'impact.measurement_validated', actorId: 'n1', data: { recipientIds: ['owner', 'n1'] } })),
    ).toEqual({ owner: 'my_ideas' });
    expect(notificationPath({ eventType: 'impact.measurement_recorded', ideaId: 'i', data: {} })).toBe(
      '/ideas/i#impact',
    );
  });
});

describe('implementation and replication events (issue 13)', () => {
  it('asks the named owner to act on the project, and no one else', () => {
    expect(byPerson(base({ type: 'project_owner_named', data: { ownerId: 'owner' }, followerIds: [] }))).toEqual({
      owner: 'needs_action!',
    });
  });

  it('tells the original’s authors and its owner that their idea is adopted elsewhere', () => {
    expect(byPerson(base({ type: 'replication_adopted', data: { ownerId: 'owner' }, followerIds: [] }))).toEqual({
      author: 'my_ideas',
      coauthor: 'my_ideas',
      owner: 'my_ideas',
    });
    expect(notificationPath({ eventType: 'replication_adopted', ideaId: 'i', data: {} })).toBe('/ideas/i#project');
  });
});

describe('recognition (issue 14)', () => {
  it('tells the person recognised, and no one else: not the other authors, not the followers', () => {
    expect(byPerson(base({ type: 'recognition_recorded', actorId: 'hr', data: { personId: 'coauthor' } }))).toEqual({
      coauthor: 'my_ideas',
    });
    // A recogniser recognising themselves is not told of their own act.
    expect(byPerson(base({ type: 'recognition_recorded', actorId: 'hr', data: { personId: 'hr' } }))).toEqual({});
    expect(notificationPath({ eventType: 'recognition_recorded', ideaId: 'i', data: {} })).toBe(
      '/profile#recognitions',
    );
  });
});
