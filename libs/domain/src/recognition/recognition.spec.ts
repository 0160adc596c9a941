import {
  applyRecognition,
  defaultPublic,
  DEFAULT_RECOGNITION_SETTINGS,
  isShownPublicly,
  mayBePublic,
  mayIssueCertificate,
  milestoneOfEvent,
  recognitionDueKey,
  validateRecognitionSettings,
  type Recognition,
} from './recognition';

const due: Recognition = {
  status: 'due',
  personId: 'p',
  anonymous: false,
  form: null,
  isPublic: false,
  publicDeclinedAt: null,
};
const hr = { personId: 'hr', isRecogniser: true };
const now = new Date('2027-03-01T10:00:00Z');

describe('recognition workflow', () => {
  it('opens recognition due on the four default milestones, each configurable', () => {
    expect(milestoneOfEvent('accept', DEFAULT_RECOGNITION_SETTINGS)).toBe('idea_accepted');
    expect(milestoneOfEvent('complete_implementation', DEFAULT_RECOGNITION_SETTINGS)).toBe('implemented');
    expect(milestoneOfEvent('impact.measurement_validated', DEFAULT_RECOGNITION_SETTINGS)).toBe('impact_validated');
    expect(milestoneOfEvent('replication_adopted', DEFAULT_RECOGNITION_SETTINGS)).toBe('replicated');
    expect(milestoneOfEvent('accept', { milestones: ['implemented'] })).toBeNull();
    expect(milestoneOfEvent('commented', DEFAULT_RECOGNITION_SETTINGS)).toBeNull();
  });

  it('validates the settings', () => {
    expect(validateRecognitionSettings({ milestones: [] })).toEqual([]);
    expect(validateRecognitionSettings({ milestones: ['implemented', 'implemented'] })[0]?.code).toBe('duplicate');
    expect(validateRecognitionSettings({ milestones: ['birthday'] })[0]?.field).toBe('milestones');
    expect(validateRecognitionSettings({})[0]?.field).toBe('milestones');
  });

  it('keys a due item by idea, milestone, occurrence and person', () => {
    expect(recognitionDueKey('i', 'implemented', 'p')).toBe('i:implemented:-:p');
    expect(recognitionDueKey('i', 'replicated', 'p', 'r1')).not.toBe(recognitionDueKey('i', 'replicated', 'p', 'r2'));
  });

  it('records a due recognition with a form and a message, by a recogniser only', () => {
    const cmd = { type: 'record' as const, form: 'award' as const, message: 'Merci !', isPublic: true };
    expect(applyRecognition(due, cmd, hr, now)).toEqual({
      ok: true,
      next: { ...due, status: 'recorded', form: 'award', isPublic: true },
    });
    expect(applyRecognition(due, cmd, { personId: 'x', isRecogniser: false }, now)).toEqual({
      ok: false,
      reason: 'not_recogniser',
    });
    expect(applyRecognition({ ...due, status: 'recorded' }, cmd, hr, now)).toEqual({ ok: false, reason: 'not_due' });
  });

  it('refuses a blank or oversized message and an unknown form, naming the field', () => {
    const bad = applyRecognition(
      due,
      { type: 'record', form: 'medal' as never, message: ' ', isPublic: false },
      hr,
      now,
    );
    expect(bad.ok === false && bad.reason === 'invalid' && bad.problems.map((p) => p.field)).toEqual([
      'form',
      'message',
    ]);
    const long = applyRecognition(
      due,
      { type: 'record', form: 'award', message: 'x'.repeat(4001), isPublic: false },
      hr,
      now,
    );
    expect(long.ok === false && long.reason === 'invalid' && long.problems[0]?.code).toBe('maxLength');
  });

  it('keeps career evidence and an anonymous author’s recognition private', () => {
    expect(mayBePublic('career_evidence', false)).toBe(false);
    expect(mayBePublic('public_celebration', true)).toBe(false);
    expect(mayBePublic('thanks_letter', false)).toBe(true);
    const r = applyRecognition(
      { ...due, anonymous: true },
      { type: 'record', form: 'award', message: 'Bravo', isPublic: true },
      hr,
      now,
    );
    expect(r.ok === false && r.reason === 'invalid' && r.problems[0]?.field).toBe('isPublic');
    expect(defaultPublic('public_celebration', false)).toBe(true);
    expect(defaultPublic('public_celebration', true)).toBe(false);
    expect(defaultPublic('thanks_letter', false)).toBe(false);
  });

  it('dismisses a due item with a reason', () => {
    expect(applyRecognition(due, { type: 'dismiss', reason: 'Already thanked' }, hr, now)).toMatchObject({
      ok: true,
      next: { status: 'dismissed' },
    });
    const r = applyRecognition(due, { type: 'dismiss', reason: '' }, hr, now);
    expect(r.ok === false && r.reason === 'invalid' && r.problems[0]?.field).toBe('reason');
  });

  it('lets the person, and only them, decline public recognition: it becomes private', () => {
    const recorded: Recognition = { ...due, status: 'recorded', form: 'public_celebration', isPublic: true };
    const declined = applyRecognition(
      recorded,
      { type: 'decline_public' },
      { personId: 'p', isRecogniser: false },
      now,
    );
    expect(declined).toEqual({ ok: true, next: { ...recorded, isPublic: false, publicDeclinedAt: now } });
    expect(declined.ok && isShownPublicly(declined.next)).toBe(false);
    expect(isShownPublicly(recorded)).toBe(true);
    expect(applyRecognition(recorded, { type: 'decline_public' }, hr, now)).toEqual({
      ok: false,
      reason: 'not_the_person',
    });
    expect(
      applyRecognition(
        { ...recorded, isPublic: false },
        { type: 'decline_public' },
        { personId: 'p', isRecogniser: false },
        now,
      ),
    ).toEqual({
      ok: false,
      reason: 'not_public',
    });
    expect(applyRecognition(due, { type: 'decline_public' }, { personId: 'p', isRecogniser: false }, now)).toEqual({
      ok: false,
      reason: 'not_recorded',
    });
  });

  it('issues a certificate for recorded recognitions only', () => {
    expect(mayIssueCertificate({ status: 'recorded' })).toBe(true);
    expect(mayIssueCertificate({ status: 'due' })).toBe(false);
    expect(mayIssueCertificate({ status: 'dismissed' })).toBe(false);
  });
});
