import {
  campaignBody,
  emptyDraft,
  fromLocalInput,
  move,
  nextPhase,
  phasesBody,
  textToHtml,
  toLocalInput,
} from './campaign-form';

describe('campaign editor helpers', () => {
  it('round-trips an instant through the datetime-local value (minutes kept)', () => {
    const iso = '2026-03-01T08:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // An empty date stays empty so the API names the field.
    expect(fromLocalInput('')).toBe('');
  });

  it('turns paragraphs into escaped HTML', () => {
    expect(textToHtml('Bonjour <b>vous</b>\nligne 2\n\n  Second & dernier  ')).toBe(
      '<p>Bonjour &lt;b&gt;vous&lt;/b&gt;<br>ligne 2</p><p>Second &amp; dernier</p>',
    );
    expect(textToHtml('   ')).toBe('');
  });

  it('moves phases up and down, not past the ends', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('starts a new phase where the previous one ends; only the first opens submissions', () => {
    const first = nextPhase([], 'Dépôt', new Date('2026-03-01T08:17:00Z'));
    expect(first.submissionsOpen).toBe(true);
    const second = nextPhase([first], 'Vote');
    expect(second.startsAt).toBe(first.endsAt);
    expect(second.submissionsOpen).toBe(false);
    const [a, b] = phasesBody([first, second]);
    expect(new Date(a?.endsAt ?? '').getTime() - new Date(a?.startsAt ?? '').getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(b).toMatchObject({ name: 'Vote', startsAt: a?.endsAt, supportsOpen: true });
  });

  it('sends no sponsor as null and the audience as ids', () => {
    const body = campaignBody({ ...emptyDraft(), title: 'T', question: 'Q ?', description: 'Texte' });
    expect(body).toMatchObject({ sponsorId: null, audienceOrgUnitIds: [], descriptionHtml: '<p>Texte</p>' });
    expect(body.submissionRules?.allowedKinds).toEqual(['problem', 'solution']);
  });
});
