import { can, decide } from '../access/policy';
import type { RoleAssignment } from '../access/roles';
import {
  activePhase,
  campaignTiming,
  checkSubmission,
  DEFAULT_SUBMISSION_RULES,
  inAudience,
  phaseFeatures,
  validatePhases,
  type CampaignPhaseLike,
  type SubmissionRules,
  type SubmittedIdeaFields,
} from './campaign';

const d = (iso: string) => new Date(iso);

function phase(
  name: string,
  startsAt: string,
  endsAt: string,
  open: Partial<CampaignPhaseLike> = {},
): CampaignPhaseLike {
  return {
    name,
    startsAt: d(startsAt),
    endsAt: d(endsAt),
    submissionsOpen: false,
    supportsOpen: false,
    commentsOpen: false,
    ...open,
  };
}

const collect = phase('Dépôt', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', {
  submissionsOpen: true,
  commentsOpen: true,
});
const vote = phase('Soutiens', '2026-04-01T00:00:00Z', '2026-04-15T00:00:00Z', {
  supportsOpen: true,
  commentsOpen: true,
});
const phases = [collect, vote];

describe('activePhase', () => {
  it('is the phase whose [start, end) holds now, boundaries included at the start only', () => {
    expect(activePhase(phases, d('2026-02-28T23:59:59Z'))).toBeNull();
    expect(activePhase(phases, d('2026-03-01T00:00:00Z'))).toBe(collect);
    expect(activePhase(phases, d('2026-03-31T23:59:59.999Z'))).toBe(collect);
    // Touching phases: the instant the first ends, the second is the (only) active one.
    expect(activePhase(phases, d('2026-04-01T00:00:00Z'))).toBe(vote);
    expect(activePhase(phases, d('2026-04-15T00:00:00Z'))).toBeNull();
  });

  it('is null in a gap between phases and with no phases', () => {
    const gapped = [collect, phase('Later', '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')];
    expect(activePhase(gapped, d('2026-04-10T00:00:00Z'))).toBeNull();
    expect(activePhase([], d('2026-04-10T00:00:00Z'))).toBeNull();
  });
});

describe('phaseFeatures', () => {
  const live = { archivedAt: null };

  it('opens everything in the always-open box (no campaign)', () => {
    expect(phaseFeatures(null, [], d('2026-01-01T00:00:00Z'))).toEqual({
      submissions: true,
      supports: true,
      comments: true,
    });
  });

  it('follows the active phase switches', () => {
    expect(phaseFeatures(live, phases, d('2026-03-10T00:00:00Z'))).toEqual({
      submissions: true,
      supports: false,
      comments: true,
    });
    expect(phaseFeatures(live, phases, d('2026-04-10T00:00:00Z'))).toEqual({
      submissions: false,
      supports: true,
      comments: true,
    });
  });

  it('closes everything outside the phases and once archived', () => {
    const off = { submissions: false, supports: false, comments: false };
    expect(phaseFeatures(live, phases, d('2026-02-01T00:00:00Z'))).toEqual(off);
    expect(phaseFeatures(live, phases, d('2026-05-01T00:00:00Z'))).toEqual(off);
    expect(phaseFeatures({ archivedAt: d('2026-03-05T00:00:00Z') }, phases, d('2026-03-10T00:00:00Z'))).toEqual(off);
  });
});

describe('campaignTiming', () => {
  it('is upcoming before the first phase, current until the last ends, then past', () => {
    expect(campaignTiming(phases, d('2026-02-01T00:00:00Z'))).toBe('upcoming');
    expect(campaignTiming(phases, d('2026-03-01T00:00:00Z'))).toBe('current');
    expect(campaignTiming(phases, d('2026-04-14T00:00:00Z'))).toBe('current');
    expect(campaignTiming(phases, d('2026-04-15T00:00:00Z'))).toBe('past');
    expect(campaignTiming([], d('2026-04-15T00:00:00Z'))).toBe('upcoming');
  });
});

describe('validatePhases', () => {
  it('accepts ordered, touching or gapped phases', () => {
    expect(validatePhases(phases)).toEqual([]);
    expect(validatePhases([collect, phase('Later', '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')])).toEqual([]);
    expect(validatePhases([])).toEqual([]);
  });

  it('names a phase that ends before (or when) it starts', () => {
    expect(validatePhases([collect, phase('Bad', '2026-04-10T00:00:00Z', '2026-04-05T00:00:00Z')])).toEqual([
      expect.objectContaining({ field: 'phases.1.endsAt', code: 'endsBeforeStart' }),
    ]);
    expect(validatePhases([phase('Empty', '2026-04-10T00:00:00Z', '2026-04-10T00:00:00Z')])).toEqual([
      expect.objectContaining({ field: 'phases.0.endsAt', code: 'endsBeforeStart' }),
    ]);
  });

  it('refuses overlapping or out-of-order phases, naming the later start', () => {
    const overlapping = phase('Overlap', '2026-03-20T00:00:00Z', '2026-04-20T00:00:00Z');
    expect(validatePhases([collect, overlapping])).toEqual([
      expect.objectContaining({ field: 'phases.1.startsAt', code: 'overlapsPreviousPhase' }),
    ]);
    expect(validatePhases([vote, collect])).toEqual([
      expect.objectContaining({ field: 'phases.1.startsAt', code: 'overlapsPreviousPhase' }),
    ]);
  });

  it('names blank names and invalid dates, under a given prefix', () => {
    const bad = { name: '  ', startsAt: new Date('nope'), endsAt: d('2026-01-01T00:00:00Z') };
    expect(validatePhases([bad], 'body.phases')).toEqual([
      expect.objectContaining({ field: 'body.phases.0.name', code: 'isNotEmpty' }),
      expect.objectContaining({ field: 'body.phases.0.startsAt', code: 'isDate' }),
    ]);
  });

  it('caps the number of phases', () => {
    const many = Array.from({ length: 13 }, (_, i) =>
      phase(
        `P${i}`,
        `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
        `2026-01-${String(i + 2).padStart(2, '0')}T00:00:00Z`,
      ),
    );
    expect(validatePhases(many)).toEqual([expect.objectContaining({ field: 'phases', code: 'arrayMaxSize' })]);
  });
});

describe('inAudience', () => {
  const path = ['root', 'direction', 'service'];
  it('lets everyone in when the audience is empty', () => {
    expect(inAudience([], path)).toBe(true);
    expect(inAudience([], [])).toBe(true);
  });
  it('lets in the units listed and their subtrees only', () => {
    expect(inAudience(['direction'], path)).toBe(true);
    expect(inAudience(['other', 'service'], path)).toBe(true);
    expect(inAudience(['other'], path)).toBe(false);
    // A person without a unit is in no unit's subtree.
    expect(inAudience(['direction'], [])).toBe(false);
  });
});

describe('checkSubmission', () => {
  const problem: SubmittedIdeaFields = {
    kind: 'problem',
    title: 'Les badges ne marchent pas le lundi',
    summary: 'Chaque lundi matin, les badges sont refusés.',
    bodyText: '',
    orgUnitId: 'unit',
    themes: [],
    whoSuffers: "L'équipe d'accueil",
    frequency: null,
    expectedBenefits: null,
    needs: null,
  };
  const fields = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

  it('accepts a complete problem under the default rules (solution-only fields do not apply)', () => {
    expect(checkSubmission(DEFAULT_SUBMISSION_RULES, problem)).toEqual([]);
  });

  it('lists every missing required field at once, by its API name', () => {
    const rules: SubmissionRules = {
      ...DEFAULT_SUBMISSION_RULES,
      requiredFields: ['summary', 'body', 'orgUnit', 'themes', 'whoSuffers'],
    };
    const empty = { ...problem, summary: ' ', orgUnitId: null, whoSuffers: '' };
    expect(fields(checkSubmission(rules, empty))).toEqual([
      'summary:required',
      'bodyHtml:required',
      'orgUnitId:required',
      'themes:required',
      'whoSuffers:required',
    ]);
  });

  it('checks the kinds a campaign takes, and the title and summary lengths', () => {
    const rules: SubmissionRules = {
      ...DEFAULT_SUBMISSION_RULES,
      allowedKinds: ['solution'],
      titleMaxLength: 20,
      summaryMaxLength: 50,
    };
    const long = { ...problem, summary: 'x'.repeat(51) };
    expect(fields(checkSubmission(rules, long))).toEqual([
      'kind:kind_not_allowed',
      'title:maxLength',
      'summary:maxLength',
    ]);
    expect(
      fields(
        checkSubmission(rules, { ...problem, kind: 'solution', title: 'Hey', expectedBenefits: 'Gain', summary: 'ok' }),
      ),
    ).toEqual(['title:minLength']);
  });

  it('applies the minimum body length only to a body that is there', () => {
    const rules: SubmissionRules = { ...DEFAULT_SUBMISSION_RULES, bodyMinLength: 30 };
    expect(checkSubmission(rules, problem)).toEqual([]);
    expect(fields(checkSubmission(rules, { ...problem, bodyText: 'Trop court.' }))).toEqual(['bodyHtml:minLength']);
    expect(checkSubmission(rules, { ...problem, bodyText: 'Assez long pour passer la règle, vraiment.' })).toEqual([]);
  });
});

describe('campaign permissions', () => {
  const org = { kind: 'organisation' } as const;
  const as = (assignments: RoleAssignment[]) => ({ personId: 'p', orgUnitId: null, assignments });
  const employee = as([]);
  const network = as([{ role: 'network_member', scope: org }]);
  const scoped = as([{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: 'dir-a' } }]);
  const admin = as([{ role: 'admin', scope: org }]);

  it('lets everyone signed in read campaigns (the handler filters by audience)', () => {
    expect(can(employee, 'campaign.read')).toBe(true);
    expect(can(null, 'campaign.read')).toBe(false);
  });

  it('lets network members and admins manage, a scoped member only within their subtree', () => {
    expect(decide(employee, 'campaign.manage')).toEqual({ allowed: false, reason: 'role_required' });
    expect(can(network, 'campaign.manage', { target: { orgUnitPath: [] } })).toBe(true);
    expect(can(admin, 'campaign.manage', { target: { orgUnitPath: [] } })).toBe(true);
    expect(can(scoped, 'campaign.manage')).toBe(true);
    expect(can(scoped, 'campaign.manage', { target: { orgUnitPath: ['root', 'dir-a'] } })).toBe(true);
    // The whole organisation (empty path) is outside a unit-scoped member's reach.
    expect(decide(scoped, 'campaign.manage', { target: { orgUnitPath: [] } })).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    });
    expect(decide(scoped, 'campaign.manage', { target: { orgUnitPath: ['root', 'dir-b'] } }).reason).toBe(
      'out_of_scope',
    );
  });
});
