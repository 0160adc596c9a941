// Factories: each inserts real rows through the product's own entities (the tables the migrations
// create), so a test builds exactly the data it needs instead of loading the demo organisation.
// They take a DataSource or an EntityManager (inside a test's transaction) and return the entities.
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  STAGES,
  type Actor,
  type GrantableRole,
  type IdeaStage,
  type Locale,
  type RoleAssignment,
} from '@eclore/domain';
import { hashPassword, LocalCredential, OrgUnit, Person, RoleGrant, type OrgUnitKind } from '@eclore/server-identity';
import {
  Campaign,
  CampaignPhase,
  IdeaFollow,
  Idea,
  IdeaAuthor,
  IdeaComment,
  Support,
  Theme,
  type IdeaKindColumn,
  type IdeaStatusColumn,
} from '@eclore/server-ideas';
import { QualificationAssignment, Scorecard } from '@eclore/server-qualification';

type Db = DataSource | EntityManager;
const managerOf = (db: Db): EntityManager => ('manager' in db ? db.manager : db);

const DAY = 24 * 3600 * 1000;
let counter = 0;
/** A tag unique within the run (random, so two files on one template never collide on unique keys). */
function tag(): string {
  counter += 1;
  return `${randomBytes(3).toString('hex')}${counter}`;
}

// ---------------------------------------------------------------------------------------------------
// Identity

export interface MakeUnit {
  code?: string;
  name?: string;
  /** Defaults from the parent: a direction at the root, a service below a direction, then a unit. */
  kind?: OrgUnitKind;
  parent?: OrgUnit | null;
}

/** An org unit under `parent` (or at the root), its `path` from the root down to itself. */
export async function makeUnit(db: Db, options: MakeUnit = {}): Promise<OrgUnit> {
  const m = managerOf(db);
  const parent = options.parent ?? null;
  const code = options.code ?? `U-${tag()}`;
  const kind = options.kind ?? (parent ? (parent.kind === 'direction' ? 'service' : 'unit') : 'direction');
  const unit = m.create(OrgUnit, {
    code,
    name: options.name ?? `Unit ${code}`,
    kind,
    parentId: parent?.id ?? null,
    path: [],
  });
  await m.insert(OrgUnit, unit);
  unit.path = [...(parent?.path ?? []), unit.id];
  await m.update(OrgUnit, { id: unit.id }, { path: unit.path });
  return unit;
}

/** A role to grant: the role alone (organisation-wide) or with a scope. */
export type MakeRole = GrantableRole | { role: GrantableRole; unit?: OrgUnit; theme?: string };

export interface MakePerson {
  roles?: readonly MakeRole[];
  unit?: OrgUnit | null;
  locale?: Locale | null;
  email?: string;
  givenName?: string;
  familyName?: string;
  employeeNumber?: string;
  /** A local password (the default, generated) or none (`null`: directory-only or SSO people). */
  password?: string | null;
  active?: boolean;
}

/** A person as a test knows them: the row, their sign-in e-mail and password, and their actor. */
export interface TestPerson {
  person: Person;
  email: string;
  password: string | null;
  /** The actor the access layer would build for them (for service tests, which have no session). */
  actor: Actor;
}

/** A person (active unless told) with a local password unless `password: null`, and role grants. */
export async function makePerson(db: Db, options: MakePerson = {}): Promise<TestPerson> {
  const m = managerOf(db);
  const t = tag();
  const email = options.email ?? `person.${t}@test.example`;
  const active = options.active ?? true;
  const person = m.create(Person, {
    employeeNumber: options.employeeNumber ?? `T-${t}`,
    givenName: options.givenName ?? 'Test',
    familyName: options.familyName ?? `Person ${t}`,
    email,
    orgUnitId: options.unit?.id ?? null,
    active,
    deactivatedAt: active ? null : new Date(),
    locale: options.locale ?? null,
  });
  await m.insert(Person, person);
  const password = options.password === undefined ? `correct horse battery ${t}` : options.password;
  if (password) await m.insert(LocalCredential, { personId: person.id, passwordHash: await hashPassword(password) });
  const assignments: RoleAssignment[] = [];
  for (const r of options.roles ?? []) {
    const grant = typeof r === 'string' ? { role: r } : r;
    const scope: RoleAssignment['scope'] = grant.unit
      ? { kind: 'org_unit', orgUnitId: grant.unit.id }
      : grant.theme
        ? { kind: 'theme', theme: grant.theme }
        : { kind: 'organisation' };
    await m.insert(RoleGrant, {
      personId: person.id,
      role: grant.role,
      scopeKind: scope.kind,
      scopeOrgUnitId: scope.kind === 'org_unit' ? scope.orgUnitId : null,
      scopeTheme: scope.kind === 'theme' ? scope.theme : null,
    });
    assignments.push({ role: grant.role, scope });
  }
  const actor: Actor = {
    personId: person.id,
    orgUnitId: person.orgUnitId,
    assignments: [{ role: 'employee', scope: { kind: 'organisation' } }, ...assignments],
  };
  return { person, email, password, actor };
}

/** A unit of the demo organisation by its code (suites that load the seed). */
export function unitByCode(db: Db, code: string): Promise<OrgUnit> {
  return managerOf(db).findOneByOrFail(OrgUnit, { code });
}

/** Every string form in which a person could be recognised in a response body. */
export function identityMarkers(person: Person): string[] {
  return [person.id, person.email, `${person.givenName} ${person.familyName}`, person.familyName];
}

// ---------------------------------------------------------------------------------------------------
// Ideas

export interface MakeCampaign {
  createdBy: Person;
  title?: string;
  audience?: readonly OrgUnit[];
  /** The switches of its one phase, running from yesterday to tomorrow. */
  phase?: { submissions?: boolean; supports?: boolean; comments?: boolean; name?: string };
}

/** A campaign whose only phase is running now with the given switches (all off by default). */
export async function makeCampaign(db: Db, options: MakeCampaign): Promise<Campaign> {
  const m = managerOf(db);
  const campaign = m.create(Campaign, {
    title: options.title ?? `Campaign ${tag()}`,
    question: 'Comment pourrions-nous mieux organiser les nuits ?',
    descriptionHtml: '<p>Campaign</p>',
    sponsorId: null,
    audienceOrgUnitIds: (options.audience ?? []).map((u) => u.id),
    submissionRules: {
      requiredFields: [],
      titleMaxLength: 140,
      summaryMaxLength: 600,
      bodyMinLength: 0,
      allowedKinds: ['problem', 'solution'],
    },
    createdBy: options.createdBy.id,
    archivedAt: null,
  });
  await m.insert(Campaign, campaign);
  const now = Date.now();
  await m.insert(CampaignPhase, {
    campaignId: campaign.id,
    position: 1,
    name: options.phase?.name ?? 'Vote',
    startsAt: new Date(now - DAY),
    endsAt: new Date(now + DAY),
    submissionsOpen: options.phase?.submissions ?? false,
    supportsOpen: options.phase?.supports ?? false,
    commentsOpen: options.phase?.comments ?? false,
  });
  return campaign;
}

const stagesFrom = (first: IdeaStage): IdeaStatusColumn[] => STAGES.slice(STAGES.indexOf(first));
/** Statuses reached only after the network accepted the idea: it was published on the way. */
const PUBLISHED: ReadonlySet<IdeaStatusColumn> = new Set([...stagesFrom('visible'), 'parked', 'stopped', 'closed']);
/** Statuses reached through a reasoned answer to the authors. */
const ANSWERED: ReadonlySet<IdeaStatusColumn> = new Set([
  ...stagesFrom('decide'),
  ...(['parked', 'stopped', 'closed', 'declined', 'returned'] as const),
]);

export interface MakeIdea {
  /** The first is the author (credited in `idea.author_id`); the others accepted co-authors. */
  authors: readonly Person[];
  kind?: IdeaKindColumn;
  /** `visible` (published on the wall) by default; the dated facts are set to match. */
  status?: IdeaStatusColumn;
  anonymous?: boolean;
  campaign?: Pick<Campaign, 'id'> | null;
  unit?: OrgUnit | null;
  title?: string;
  summary?: string;
  themes?: readonly string[];
}

/**
 * An idea in the given status with consistent rows: submitted unless a draft, published when the
 * status comes after acceptance, an answer when the status needs one, every author in idea_author.
 * Tests about the transitions themselves go through the commands (the API or IdeaAccess).
 */
export async function makeIdea(db: Db, options: MakeIdea): Promise<Idea> {
  const m = managerOf(db);
  const author = options.authors[0];
  if (!author) throw new Error('makeIdea needs at least one author');
  const status = options.status ?? 'visible';
  const now = Date.now();
  const submittedAt = status === 'emerge' ? null : new Date(now - 2 * DAY);
  const publishedAt = PUBLISHED.has(status) ? new Date(now - DAY) : null;
  const answered = ANSWERED.has(status) ? new Date(now - DAY / 2) : null;
  const t = tag();
  const idea = m.create(Idea, {
    kind: options.kind ?? 'problem',
    status,
    title: options.title ?? `Idea ${t}`,
    summary: options.summary ?? 'A recurring irritant',
    bodyHtml: '<p>Details</p>',
    authorId: author.id,
    anonymous: options.anonymous ?? false,
    orgUnitId: options.unit?.id ?? null,
    campaignId: options.campaign?.id ?? null,
    themes: [...(options.themes ?? [])],
    submittedAt,
    publishedAt,
    withdrawnAt: status === 'withdrawn' ? new Date(now - DAY / 2) : null,
    answerText: answered ? 'The answer given to the authors.' : null,
    answerGivenAt: answered,
    answerPublishedAt: answered && publishedAt ? answered : null,
    parkedUntil: status === 'parked' ? new Date(now + 30 * DAY) : null,
  });
  await m.insert(Idea, idea);
  const invitedAt = new Date(now - 3 * DAY);
  await m.insert(
    IdeaAuthor,
    options.authors.map((p, i) => ({
      ideaId: idea.id,
      personId: p.id,
      role: i === 0 ? ('author' as const) : ('co_author' as const),
      status: 'accepted' as const,
      invitedBy: i === 0 ? null : author.id,
      invitedAt,
      respondedAt: invitedAt,
    })),
  );
  return m.findOneByOrFail(Idea, { id: idea.id });
}

/** Counts one more in the idea's row of idea_counter, as the engagement commands do. */
async function bumpCounter(
  m: ReturnType<typeof managerOf>,
  ideaId: string,
  column: 'support_count' | 'comment_count' | 'follower_count',
): Promise<void> {
  await m.query(
    `INSERT INTO idea_counter AS c (idea_id, ${column}) VALUES ($1, 1)
     ON CONFLICT (idea_id) DO UPDATE SET ${column} = c.${column} + 1`,
    [ideaId],
  );
}

/** A comment on an idea, counted in its `comment_count` as the engagement commands do. */
export async function makeComment(
  db: Db,
  options: { idea: Idea; author: Person; bodyHtml?: string; parent?: IdeaComment | null },
): Promise<IdeaComment> {
  const m = managerOf(db);
  const comment = m.create(IdeaComment, {
    ideaId: options.idea.id,
    authorId: options.author.id,
    parentId: options.parent?.id ?? null,
    bodyHtml: options.bodyHtml ?? '<p>A comment</p>',
    mentions: [],
  });
  await m.insert(IdeaComment, comment);
  await bumpCounter(m, options.idea.id, 'comment_count');
  return comment;
}

/** One person's support for an idea, counted in its `support_count`. */
export async function makeSupport(db: Db, options: { idea: Idea; person: Person }): Promise<Support> {
  const m = managerOf(db);
  await m.insert(Support, { ideaId: options.idea.id, personId: options.person.id });
  await bumpCounter(m, options.idea.id, 'support_count');
  return m.findOneByOrFail(Support, { ideaId: options.idea.id, personId: options.person.id });
}

/** One person following an idea, counted in its `follower_count`. */
export async function makeFollow(db: Db, options: { idea: Idea; person: Person }): Promise<IdeaFollow> {
  const m = managerOf(db);
  await m.insert(IdeaFollow, { ideaId: options.idea.id, personId: options.person.id });
  await bumpCounter(m, options.idea.id, 'follower_count');
  return m.findOneByOrFail(IdeaFollow, { ideaId: options.idea.id, personId: options.person.id });
}

/** Themes an idea may carry (the theme table is empty after the migrations). */
export async function makeThemes(db: Db, keys: readonly string[]): Promise<Theme[]> {
  const m = managerOf(db);
  const themes = keys.map((key) => m.create(Theme, { key, labelFr: key, labelEn: key, active: true }));
  await m.insert(Theme, themes);
  return themes;
}

// ---------------------------------------------------------------------------------------------------
// Qualification

/** An open reviewer assignment (the idea should be in `qualify`). */
export async function makeAssignment(
  db: Db,
  options: { idea: Idea; reviewer: Person; assignedBy?: Person | null },
): Promise<QualificationAssignment> {
  const m = managerOf(db);
  const assignment = m.create(QualificationAssignment, {
    ideaId: options.idea.id,
    personId: options.reviewer.id,
    assignedBy: options.assignedBy?.id ?? null,
    assignedAt: new Date(),
    endedAt: null,
    endReason: null,
  });
  await m.insert(QualificationAssignment, assignment);
  return assignment;
}

/** A reviewer's scorecard, submitted unless told (scores: criterion key → level 1–5). */
export async function makeScorecard(
  db: Db,
  options: {
    idea: Idea;
    reviewer: Person;
    scores: Record<string, number>;
    status?: 'draft' | 'submitted';
    comment?: string;
  },
): Promise<Scorecard> {
  const m = managerOf(db);
  const status = options.status ?? 'submitted';
  const card = m.create(Scorecard, {
    ideaId: options.idea.id,
    reviewerId: options.reviewer.id,
    status,
    scores: options.scores,
    comment: options.comment ?? '',
    submittedAt: status === 'submitted' ? new Date() : null,
  });
  await m.insert(Scorecard, card);
  return card;
}
