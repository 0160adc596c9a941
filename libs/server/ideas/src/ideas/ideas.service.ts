import { Injectable } from '@nestjs/common';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import {
  canCreateIdea,
  canEditIdea,
  checkSubmission,
  DEFAULT_SUBMISSION_RULES,
  phaseFeatures,
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  type Actor,
  type FieldProblem,
  type PhaseFeatures,
  type SubmissionCheck,
} from '@eclore/domain';
import { AccessService, AuditService, OrgUnit, Person, pseudonymsOfSubject } from '@eclore/server-identity';
import {
  Campaign,
  CampaignPhase,
  Idea,
  IdeaAuthor,
  IdeaEvent,
  IdeaLink,
  Theme,
  type SubmissionRules,
} from '../entities';
import { IdeaAccess, StaleVersion, type LoadedIdea } from './idea-access.service';
import { hiddenActorIds, isStaffInScope } from './idea-presenter';
import type {
  CreateIdeaInput,
  IdeaDto,
  IntakeItemDto,
  MyIdeaDto,
  RevealedAuthorDto,
  TimelineDto,
  TimelineEventDto,
  UpdateIdeaInput,
} from './ideas.dto';
import { bodyText, storedBodyHtml } from './rich-text';

const INTAKE_LIMIT = 200;

/** The campaign an idea goes to, with what its active phase switches on now. */
interface CampaignWindow {
  campaign: Campaign | null;
  features: PhaseFeatures;
}

/** Emerge (drafts, co-authors, capture), collect (submit, intake) and the idea page's reads. */
/** Private idea events about the network's work that an idea's authors do not see in its history. */
const STAFF_ONLY_EVENTS = ['assigned', 'unassigned', 'private_note_mention'];

@Injectable()
export class IdeasService {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  // ---- emerge ----------------------------------------------------------------------------------

  async create(actor: Actor, input: CreateIdeaInput, requestId: string | null): Promise<IdeaDto> {
    const id = await this.ds.transaction(async (manager) => {
      const problems: FieldProblem[] = [];
      const window = await this.campaignWindow(manager, input.campaignId ?? null, problems);
      const unit = await this.checkOrgUnit(manager, input.orgUnitId ?? null, problems);
      await this.checkThemes(manager, input.themes ?? [], problems);
      this.checkKindFields(input.kind, input, problems);
      let authorId = actor.personId;
      if (input.onBehalfOf !== undefined) {
        // Capture on someone's behalf: network members, within the scope of the idea's unit.
        this.access.assert(
          actor,
          'idea.capture',
          unit ? { target: { orgUnitPath: unit.path, themes: input.themes ?? [] } } : {},
        );
        const person = await manager.getRepository(Person).findOneBy({ id: input.onBehalfOf, active: true });
        if (!person)
          problems.push({ field: 'onBehalfOf', code: 'unknown_person', message: 'No active person has this id.' });
        if (input.captureChannel === undefined) {
          problems.push({ field: 'captureChannel', code: 'required', message: 'Say how the idea was collected.' });
        }
        authorId = input.onBehalfOf;
      } else if (input.captureChannel !== undefined) {
        problems.push({
          field: 'captureChannel',
          code: 'only_with_on_behalf_of',
          message: 'Only for a capture on someone’s behalf.',
        });
      }
      if (problems.length) throw new ValidationFailed(problems);
      const creation = canCreateIdea(
        {
          actor,
          isAuthor: true,
          isIdeaTeamMember: false,
          isImplementationOwner: false,
          target: { orgUnitPath: unit?.path ?? [] },
        },
        window.features,
      );
      if (!creation.allowed) {
        throw new ValidationFailed([
          {
            field: 'campaignId',
            code: creation.reason ?? 'submissions_closed',
            message: 'This campaign takes no ideas now.',
          },
        ]);
      }
      const now = new Date();
      const inserted = await manager.insert(Idea, {
        kind: input.kind,
        status: 'emerge',
        title: input.title.trim(),
        summary: (input.summary ?? '').trim(),
        bodyHtml: storedBodyHtml(input.bodyHtml ?? ''),
        ...this.kindFields(input.kind, input),
        orgUnitId: input.orgUnitId ?? null,
        themes: [...new Set(input.themes ?? [])],
        campaignId: window.campaign?.id ?? null,
        anonymous: input.anonymous ?? false,
        authorId,
        capturedBy: input.onBehalfOf !== undefined ? actor.personId : null,
        captureChannel: input.onBehalfOf !== undefined ? (input.captureChannel ?? null) : null,
      } as never);
      const ideaId = (inserted.identifiers[0] as { id: string }).id;
      await manager.insert(IdeaAuthor, {
        ideaId,
        personId: authorId,
        role: 'author',
        status: 'accepted',
        invitedBy: null,
        invitedAt: now,
        respondedAt: now,
      });
      if (input.addressesProblemIds?.length) await this.replaceLinks(manager, ideaId, input.addressesProblemIds, actor);
      await this.ideas.appendEvent(manager, {
        ideaId,
        type: input.onBehalfOf !== undefined ? 'captured' : 'created',
        fromStatus: null,
        toStatus: 'emerge',
        actorId: actor.personId,
        public: false,
        data: input.onBehalfOf !== undefined ? { channel: input.captureChannel } : {},
      });
      if (input.onBehalfOf !== undefined) {
        await this.audit.append(manager, {
          actorId: actor.personId,
          action: 'idea.captured',
          subjectType: 'idea',
          subjectId: ideaId,
          // The audit log is read by admins: an anonymous author's id stays out of it.
          data: {
            channel: input.captureChannel,
            anonymous: input.anonymous ?? false,
            ...(input.anonymous ? {} : { authorId }),
          },
          requestId,
        });
      }
      return ideaId;
    });
    return this.ideas.read(id, actor);
  }

  async update(actor: Actor, id: string, input: UpdateIdeaInput): Promise<IdeaDto> {
    await this.ds.transaction(async (manager) => {
      const loaded = await this.ideas.loadReadable(manager, id, actor, { lock: true });
      const edit = canEditIdea(loaded.state, loaded.viewer);
      if (!edit.allowed) {
        throw edit.reason === 'not_author'
          ? new Forbidden('not_author', 'Only the authors of this idea may edit it.')
          : new Conflict('not_editable', 'The idea is no longer in its authors’ hands.');
      }
      if (input.version !== loaded.idea.version) throw new StaleVersion();
      const problems: FieldProblem[] = [];
      if (input.title !== undefined && input.title.trim() === '') {
        problems.push({ field: 'title', code: 'isNotEmpty', message: 'The title may not be empty.' });
      }
      if (input.orgUnitId !== undefined) await this.checkOrgUnit(manager, input.orgUnitId, problems);
      if (input.themes !== undefined) await this.checkThemes(manager, input.themes, problems);
      this.checkKindFields(loaded.idea.kind, input, problems);
      if (problems.length) throw new ValidationFailed(problems);
      const changes: Partial<Idea> = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
        ...(input.bodyHtml !== undefined ? { bodyHtml: storedBodyHtml(input.bodyHtml) } : {}),
        ...(input.orgUnitId !== undefined ? { orgUnitId: input.orgUnitId } : {}),
        ...(input.themes !== undefined ? { themes: [...new Set(input.themes)] } : {}),
        ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
        ...this.kindFields(loaded.idea.kind, input, true),
      };
      await this.ideas.updateVersioned(manager, loaded.idea, changes);
      if (input.addressesProblemIds !== undefined)
        await this.replaceLinks(manager, id, input.addressesProblemIds, actor);
      await this.ideas.appendEvent(manager, {
        ideaId: id,
        type: 'edited',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: {
          fields: Object.keys(changes).concat(input.addressesProblemIds !== undefined ? ['addressesProblemIds'] : []),
        },
      });
    });
    return this.ideas.read(id, actor);
  }

  async inviteCoAuthor(actor: Actor, id: string, personId: string): Promise<IdeaDto> {
    await this.ds.transaction(async (manager) => {
      const loaded = await this.ideas.loadReadable(manager, id, actor, { lock: true });
      const edit = canEditIdea(loaded.state, loaded.viewer);
      if (!edit.allowed) {
        throw edit.reason === 'not_author'
          ? new Forbidden('not_author', 'Only the authors of this idea may invite co-authors.')
          : new Conflict('not_editable', 'Co-authors are invited while the idea is a draft or returned.');
      }
      const person = await manager.getRepository(Person).findOneBy({ id: personId, active: true });
      if (!person)
        throw new ValidationFailed([
          { field: 'personId', code: 'unknown_person', message: 'No active person has this id.' },
        ]);
      const existing = loaded.authors.find((a) => a.personId === personId);
      if (existing && existing.status !== 'declined') {
        throw new Conflict('already_invited', 'This person is already an author or invited.');
      }
      const now = new Date();
      await manager.upsert(
        IdeaAuthor,
        {
          ideaId: id,
          personId,
          role: 'co_author',
          status: 'invited',
          invitedBy: actor.personId,
          invitedAt: now,
          respondedAt: null,
        },
        ['ideaId', 'personId'],
      );
      await this.ideas.appendEvent(manager, {
        ideaId: id,
        type: 'co_author_invited',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: { personId },
      });
    });
    return this.ideas.read(id, actor);
  }

  async answerInvitation(actor: Actor, id: string, answer: 'accepted' | 'declined'): Promise<IdeaDto | null> {
    await this.ds.transaction(async (manager) => {
      const row = await manager.getRepository(IdeaAuthor).findOne({
        where: { ideaId: id, personId: actor.personId, role: 'co_author', status: 'invited' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFound('invitation');
      await manager.update(
        IdeaAuthor,
        { ideaId: id, personId: actor.personId },
        { status: answer, respondedAt: new Date() },
      );
      await this.ideas.appendEvent(manager, {
        ideaId: id,
        type: answer === 'accepted' ? 'co_author_accepted' : 'co_author_declined',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: {},
      });
    });
    if (answer === 'declined') return null;
    return this.ideas.read(id, actor);
  }

  async mine(actor: Actor): Promise<MyIdeaDto[]> {
    const manager = this.ds.manager;
    const rows = await manager.getRepository(IdeaAuthor).find({
      where: { personId: actor.personId, status: In(['invited', 'accepted']) },
    });
    const captured = await manager
      .getRepository(Idea)
      .find({ where: { capturedBy: actor.personId }, select: { id: true } });
    const ids = [...new Set([...rows.map((r) => r.ideaId), ...captured.map((c) => c.id)])];
    if (ids.length === 0) return [];
    const ideas = await manager.getRepository(Idea).find({ where: { id: In(ids) }, order: { updatedAt: 'DESC' } });
    const loaded = await this.ideas.complete(manager, ideas, actor);
    return loaded.map((l) => {
      const row = rows.find((r) => r.ideaId === l.idea.id);
      return {
        role: row ? row.role : 'capturer',
        relation: row?.status === 'invited' ? 'invited' : 'accepted',
        idea: this.ideas.present(l),
      };
    });
  }

  // ---- collect ---------------------------------------------------------------------------------

  submit(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'submit' },
      {
        expectedVersion: version,
        submissionCheck: (manager, loaded) => this.submissionCheck(manager, loaded),
      },
    );
  }

  withdraw(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'withdraw' }, { expectedVersion: version });
  }

  accept(actor: Actor, id: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(actor, id, { type: 'accept' }, { expectedVersion: version });
  }

  returnToAuthors(actor: Actor, id: string, reason: string, version?: number): Promise<IdeaDto> {
    return this.ideas.runCommand(
      actor,
      id,
      { type: 'return_to_authors', reason },
      {
        expectedVersion: version,
        // The reason is the authors' answer: recorded, shown to them (and the network), not public.
        extraColumns: (_loaded, result) => ({
          answerText: result.event.details.reason ?? reason.trim(),
          answerGivenAt: result.event.at,
          answerPublishedAt: null,
        }),
      },
    );
  }

  async intake(actor: Actor): Promise<IntakeItemDto[]> {
    this.access.assert(actor, 'idea.intake');
    const scopes = actor.assignments.filter((a) => a.role === 'network_member').map((a) => a.scope);
    const everywhere = scopes.some((s) => s.kind === 'organisation');
    const units = scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : []));
    const themes = scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : []));
    // Oldest first by the latest submission (a resubmitted idea waits from its resubmission).
    const rows: { id: string; waiting_since: Date }[] = await this.ds.query(
      `SELECT i.id, COALESCE(w.at, i.submitted_at) AS waiting_since
         FROM idea i
         LEFT JOIN org_unit ou ON ou.id = i.org_unit_id
         LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM idea_event e
                             WHERE e.idea_id = i.id AND e.type = 'submit') w ON true
        WHERE i.status = 'collect'
          AND ($1::boolean OR ou.path && $2::uuid[] OR i.themes && $3::text[])
        ORDER BY waiting_since ASC, i.id ASC
        LIMIT ${INTAKE_LIMIT}`,
      [everywhere, units, themes],
    );
    if (rows.length === 0) return [];
    const ideas = await this.ds.getRepository(Idea).findBy({ id: In(rows.map((r) => r.id)) });
    const loaded = new Map((await this.ideas.complete(this.ds.manager, ideas, actor)).map((l) => [l.idea.id, l]));
    const now = Date.now();
    return rows.flatMap((r) => {
      const l = loaded.get(r.id);
      if (!l) return [];
      const since = new Date(r.waiting_since);
      return [
        {
          idea: this.ideas.present(l),
          waitingSince: since.toISOString(),
          waitingHours: Math.floor((now - since.getTime()) / 3_600_000),
        },
      ];
    });
  }

  async themes(): Promise<{ key: string; labelFr: string; labelEn: string }[]> {
    const rows = await this.ds.getRepository(Theme).find({ where: { active: true }, order: { labelFr: 'ASC' } });
    return rows.map(({ key, labelFr, labelEn }) => ({ key, labelFr, labelEn }));
  }

  // ---- the idea page ---------------------------------------------------------------------------

  get(actor: Actor, id: string): Promise<IdeaDto> {
    return this.ideas.read(id, actor);
  }

  async timeline(actor: Actor, id: string): Promise<TimelineDto> {
    const loaded = await this.ideas.loadReadable(this.ds.manager, id, actor);
    const staff = isStaffInScope(loaded.viewer);
    const full = loaded.viewer.isAuthor || staff;
    // Supports are a count, not history: their events exist for notifications only. The network's own
    // work on the idea (who reviews it, mentions in its private notes) is for the network and committee.
    const hidden = staff ? ['supported'] : ['supported', ...STAFF_ONLY_EVENTS];
    const events = await this.ds.getRepository(IdeaEvent).find({
      where: full ? { ideaId: id, type: Not(In(hidden)) } : { ideaId: id, public: true },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const hiddenActors = hiddenActorIds(loaded.idea, loaded.authors, loaded.viewer);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null))];
    const people = new Map(
      (actorIds.length ? await this.ds.getRepository(Person).findBy({ id: In(actorIds) }) : []).map((p) => [p.id, p]),
    );
    const text = (data: Record<string, unknown>): string | null => {
      for (const key of ['reason', 'answer', 'rationale', 'guidance', 'learnings']) {
        if (typeof data[key] === 'string') return data[key] as string;
      }
      return null;
    };
    return {
      full,
      events: events.map((e): TimelineEventDto => {
        const person = e.actorId ? people.get(e.actorId) : undefined;
        // An anonymous author's (and their capturer's) acts are "the author's", never a name.
        const hidden = e.actorId !== null && hiddenActors.has(e.actorId);
        return {
          id: String(e.id),
          type: e.type,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          at: e.occurredAt.toISOString(),
          public: e.public,
          actor:
            e.actorId === null
              ? { kind: 'system', person: null }
              : hidden || !person
                ? { kind: 'author', person: null }
                : {
                    kind: 'person',
                    person: { id: person.id, givenName: person.givenName, familyName: person.familyName },
                  },
          text: text(e.data),
        };
      }),
    };
  }

  /** The anonymity guardian's reveal: audited with who, why and when, in the same transaction. */
  async revealAuthor(actor: Actor, id: string, reason: string, requestId: string | null): Promise<RevealedAuthorDto> {
    this.access.assert(actor, 'idea.reveal_author');
    // The reason is what makes a reveal accountable: blank is no reason.
    if (!reason.trim())
      throw new ValidationFailed([{ field: 'reason', code: 'required', message: 'Say why the author is revealed.' }]);
    return this.ds.transaction(async (manager) => {
      const loaded = await this.ideas.load(manager, id, actor);
      if (!loaded.idea.anonymous)
        throw new Conflict('not_anonymous', 'This idea is not anonymous: its authors are shown.');
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'idea.author_revealed',
        subjectType: 'idea',
        subjectId: id,
        data: { reason: reason.trim() },
        requestId,
      });
      await this.ideas.appendEvent(manager, {
        ideaId: id,
        type: 'author_revealed',
        fromStatus: null,
        toStatus: null,
        actorId: actor.personId,
        public: false,
        data: {},
      });
      const dto = this.ideas.present(loaded, { revealed: true });
      const author = await manager.getRepository(Person).findOneByOrFail({ id: loaded.idea.authorId });
      const pseudonyms = await pseudonymsOfSubject(manager, 'idea', id);
      const behind = pseudonyms.length
        ? new Map((await manager.findBy(Person, { id: In(pseudonyms.map((p) => p.personId)) })).map((p) => [p.id, p]))
        : new Map<string, Person>();
      return {
        author: { id: author.id, givenName: author.givenName, familyName: author.familyName },
        email: author.email,
        coAuthors: dto.coAuthors.map(({ id: pid, givenName, familyName }) => ({ id: pid, givenName, familyName })),
        capturedBy: dto.capturedBy,
        auditPseudonyms: pseudonyms.flatMap(({ pseudonym, personId }) => {
          const p = behind.get(personId);
          return p ? [{ pseudonym, person: { id: p.id, givenName: p.givenName, familyName: p.familyName } }] : [];
        }),
      };
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private async submissionCheck(manager: EntityManager, loaded: LoadedIdea): Promise<SubmissionCheck> {
    const problems: FieldProblem[] = [];
    const window = await this.campaignWindow(manager, loaded.idea.campaignId, problems);
    if (!window.features.submissions) {
      problems.push({
        field: 'campaignId',
        code: 'submissions_closed',
        message: 'This campaign takes no submissions now.',
      });
    }
    const rules: SubmissionRules = window.campaign?.submissionRules ?? DEFAULT_SUBMISSION_RULES;
    const idea = loaded.idea;
    problems.push(
      ...checkSubmission(rules, {
        kind: idea.kind,
        title: idea.title,
        summary: idea.summary,
        bodyText: bodyText(idea.bodyHtml),
        orgUnitId: idea.orgUnitId,
        themes: idea.themes,
        whoSuffers: idea.whoSuffers,
        frequency: idea.frequency,
        expectedBenefits: idea.expectedBenefits,
        needs: idea.needs,
      }),
    );
    return problems.length === 0 ? { ok: true } : { ok: false, problems };
  }

  /** The campaign (if any) and what its active phase allows now (domain: phaseFeatures). */
  private async campaignWindow(
    manager: EntityManager,
    campaignId: string | null,
    problems: FieldProblem[],
  ): Promise<CampaignWindow> {
    if (campaignId === null) return { campaign: null, features: phaseFeatures(null, [], new Date()) };
    const campaign = await manager.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) {
      problems.push({ field: 'campaignId', code: 'unknown_campaign', message: 'No campaign has this id.' });
      return { campaign: null, features: phaseFeatures(null, [], new Date()) };
    }
    const phases = await manager
      .getRepository(CampaignPhase)
      .find({ where: { campaignId }, order: { position: 'ASC' } });
    return { campaign, features: phaseFeatures(campaign, phases, new Date()) };
  }

  private async checkOrgUnit(
    manager: EntityManager,
    orgUnitId: string | null,
    problems: FieldProblem[],
  ): Promise<OrgUnit | null> {
    if (orgUnitId === null) return null;
    const unit = await manager.getRepository(OrgUnit).findOneBy({ id: orgUnitId, active: true });
    if (!unit)
      problems.push({ field: 'orgUnitId', code: 'unknown_org_unit', message: 'No active org unit has this id.' });
    return unit;
  }

  private async checkThemes(
    manager: EntityManager,
    themes: readonly string[],
    problems: FieldProblem[],
  ): Promise<void> {
    if (themes.length === 0) return;
    const found = await manager.getRepository(Theme).findBy({ key: In([...themes]), active: true });
    const known = new Set(found.map((t) => t.key));
    const unknown = themes.filter((t) => !known.has(t));
    if (unknown.length)
      problems.push({ field: 'themes', code: 'unknown_theme', message: `Unknown themes: ${unknown.join(', ')}.` });
  }

  /** A problem has no benefits, a solution no "who suffers": the other kind's fields are refused. */
  private checkKindFields(kind: Idea['kind'], input: Partial<CreateIdeaInput>, problems: FieldProblem[]): void {
    const foreign =
      kind === 'problem'
        ? (['expectedBenefits', 'needs', 'addressesProblemIds'] as const)
        : (['whoSuffers', 'frequency'] as const);
    for (const field of foreign) {
      const value = input[field];
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) {
        problems.push({ field, code: 'not_for_kind', message: `A ${kind} has no "${field}".` });
      }
    }
  }

  private kindFields(kind: Idea['kind'], input: Partial<CreateIdeaInput>, onlyGiven = false): Partial<Idea> {
    const pick = <K extends 'whoSuffers' | 'frequency' | 'expectedBenefits' | 'needs'>(k: K) => {
      const v = input[k];
      if (v === undefined) return onlyGiven ? {} : { [k]: null };
      return { [k]: typeof v === 'string' ? v.trim() || null : v };
    };
    return kind === 'problem'
      ? { ...pick('whoSuffers'), ...pick('frequency') }
      : { ...pick('expectedBenefits'), ...pick('needs') };
  }

  /** A solution's "addresses" links: problems the actor may read, replaced as a set. */
  private async replaceLinks(
    manager: EntityManager,
    ideaId: string,
    problemIds: readonly string[],
    actor: Actor,
  ): Promise<void> {
    const ids = [...new Set(problemIds)].filter((p) => p !== ideaId);
    const problems = ids.length ? await manager.getRepository(Idea).findBy({ id: In(ids) }) : [];
    const loaded = await this.ideas.complete(manager, problems, actor);
    const usable = new Set(
      loaded.filter((l) => l.idea.kind === 'problem' && this.ideas.canRead(l)).map((l) => l.idea.id),
    );
    const bad = ids.filter((p) => !usable.has(p));
    if (bad.length) {
      throw new ValidationFailed([
        {
          field: 'addressesProblemIds',
          code: 'unknown_problem',
          message: `Not problems you can see: ${bad.join(', ')}.`,
        },
      ]);
    }
    await manager.delete(IdeaLink, { fromId: ideaId, kind: 'addresses' });
    if (ids.length) {
      await manager.insert(
        IdeaLink,
        ids.map((toId) => ({ fromId: ideaId, toId, kind: 'addresses' as const, createdBy: actor.personId })),
      );
    }
  }
}
