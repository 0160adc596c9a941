import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  canCreateIdea,
  canEditIdea,
  Conflict,
  Forbidden,
  NotFound,
  ValidationFailed,
  type Actor,
  type FieldProblem,
} from '@eclore/domain';
import { AccessService, AuditService, findActivePerson } from '@eclore/server-identity';
import type { Idea } from '../entities';
import { IdeaAccess, StaleVersion, type LoadedIdea } from './idea-access.service';
import { IdeaChecks, kindColumns, type CampaignWindow } from './idea-checks';
import type { CreateIdeaInput, IdeaDto, UpdateIdeaInput } from './ideas.dto';
import { IdeasRepository } from './ideas.repository';
import { storedBodyHtml } from './rich-text';

/** A checked creation: who the author is and where the idea goes. */
interface CheckedCreation {
  authorId: string;
  window: CampaignWindow;
}

/** Emerge: drafting an idea (or capturing one on someone's behalf), editing it, and its co-authors. */
@Injectable()
export class IdeaDrafting {
  constructor(
    private readonly repo: IdeasRepository,
    private readonly ideas: IdeaAccess,
    private readonly checks: IdeaChecks,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateIdeaInput, requestId: string | null): Promise<IdeaDto> {
    const id = await this.repo.transaction(async (manager) => {
      const { authorId, window } = await this.checkCreation(manager, actor, input);
      const capture = input.onBehalfOf !== undefined;
      const now = new Date();
      const ideaId = await this.repo.insert(
        {
          kind: input.kind,
          status: 'emerge',
          title: input.title.trim(),
          summary: (input.summary ?? '').trim(),
          bodyHtml: storedBodyHtml(input.bodyHtml ?? ''),
          ...kindColumns(input.kind, input),
          orgUnitId: input.orgUnitId ?? null,
          themes: [...new Set(input.themes ?? [])],
          campaignId: window.campaign?.id ?? null,
          anonymous: input.anonymous ?? false,
          authorId,
          capturedBy: capture ? actor.personId : null,
          captureChannel: capture ? (input.captureChannel ?? null) : null,
        },
        manager,
      );
      await this.repo.insertAuthor(
        {
          ideaId,
          personId: authorId,
          role: 'author',
          status: 'accepted',
          invitedBy: null,
          invitedAt: now,
          respondedAt: now,
        },
        manager,
      );
      if (input.addressesProblemIds?.length)
        await this.checks.replaceLinks(manager, ideaId, input.addressesProblemIds, actor);
      await this.ideas.appendEvent(manager, {
        ideaId,
        type: capture ? 'captured' : 'created',
        fromStatus: null,
        toStatus: 'emerge',
        actorId: actor.personId,
        public: false,
        data: capture ? { channel: input.captureChannel } : {},
      });
      if (capture) await this.auditCapture(manager, actor, ideaId, authorId, input, requestId);
      return ideaId;
    });
    return this.ideas.read(id, actor);
  }

  async update(actor: Actor, id: string, input: UpdateIdeaInput): Promise<IdeaDto> {
    await this.repo.transaction(async (manager) => {
      const loaded = await this.editable(manager, actor, id, {
        forbidden: 'Only the authors of this idea may edit it.',
        closed: 'The idea is no longer in its authors’ hands.',
      });
      if (input.version !== loaded.idea.version) throw new StaleVersion();
      const problems: FieldProblem[] = [];
      if (input.title !== undefined && input.title.trim() === '') {
        problems.push({ field: 'title', code: 'isNotEmpty', message: 'The title may not be empty.' });
      }
      if (input.orgUnitId !== undefined) await this.checks.orgUnit(manager, input.orgUnitId, problems);
      if (input.themes !== undefined) await this.checks.themes(manager, input.themes, problems);
      this.checks.kindFields(loaded.idea.kind, input, problems);
      if (problems.length) throw new ValidationFailed(problems);
      const changes: Partial<Idea> = {
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
        ...(input.bodyHtml !== undefined ? { bodyHtml: storedBodyHtml(input.bodyHtml) } : {}),
        ...(input.orgUnitId !== undefined ? { orgUnitId: input.orgUnitId } : {}),
        ...(input.themes !== undefined ? { themes: [...new Set(input.themes)] } : {}),
        ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
        ...kindColumns(loaded.idea.kind, input, true),
      };
      await this.ideas.updateVersioned(manager, loaded.idea, changes);
      if (input.addressesProblemIds !== undefined)
        await this.checks.replaceLinks(manager, id, input.addressesProblemIds, actor);
      const fields = Object.keys(changes).concat(
        input.addressesProblemIds !== undefined ? ['addressesProblemIds'] : [],
      );
      await this.ideas.appendEvent(manager, this.quietEvent(id, 'edited', actor, { fields }));
    });
    return this.ideas.read(id, actor);
  }

  async inviteCoAuthor(actor: Actor, id: string, personId: string): Promise<IdeaDto> {
    await this.repo.transaction(async (manager) => {
      const loaded = await this.editable(manager, actor, id, {
        forbidden: 'Only the authors of this idea may invite co-authors.',
        closed: 'Co-authors are invited while the idea is a draft or returned.',
      });
      if (!(await findActivePerson(manager, personId)))
        throw new ValidationFailed([
          { field: 'personId', code: 'unknown_person', message: 'No active person has this id.' },
        ]);
      const existing = loaded.authors.find((a) => a.personId === personId);
      if (existing && existing.status !== 'declined') {
        throw new Conflict('already_invited', 'This person is already an author or invited.');
      }
      const invitation = { ideaId: id, personId, role: 'co_author' as const, status: 'invited' as const };
      await this.repo.upsertAuthor(
        { ...invitation, invitedBy: actor.personId, invitedAt: new Date(), respondedAt: null },
        manager,
      );
      await this.ideas.appendEvent(manager, this.quietEvent(id, 'co_author_invited', actor, { personId }));
    });
    return this.ideas.read(id, actor);
  }

  async answerInvitation(actor: Actor, id: string, answer: 'accepted' | 'declined'): Promise<IdeaDto | null> {
    await this.repo.transaction(async (manager) => {
      const row = await this.repo.findOpenInvitationForUpdate(id, actor.personId, manager);
      if (!row) throw new NotFound('invitation');
      await this.repo.answerInvitation(id, actor.personId, answer, manager);
      const type = answer === 'accepted' ? 'co_author_accepted' : 'co_author_declined';
      await this.ideas.appendEvent(manager, this.quietEvent(id, type, actor, {}));
    });
    if (answer === 'declined') return null;
    return this.ideas.read(id, actor);
  }

  /** Validates a creation (fields, campaign, capture on someone's behalf) and the domain's permission. */
  private async checkCreation(manager: EntityManager, actor: Actor, input: CreateIdeaInput): Promise<CheckedCreation> {
    const problems: FieldProblem[] = [];
    const window = await this.checks.campaignWindow(manager, input.campaignId ?? null, problems);
    const unit = await this.checks.orgUnit(manager, input.orgUnitId ?? null, problems);
    await this.checks.themes(manager, input.themes ?? [], problems);
    this.checks.kindFields(input.kind, input, problems);
    let authorId = actor.personId;
    if (input.onBehalfOf !== undefined) {
      // Capture on someone's behalf: network members, within the scope of the idea's unit.
      const target = unit ? { target: { orgUnitPath: unit.path, themes: input.themes ?? [] } } : {};
      this.access.assert(actor, 'idea.capture', target);
      if (!(await findActivePerson(manager, input.onBehalfOf)))
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
    const viewer = { actor, isAuthor: true, isIdeaTeamMember: false, isImplementationOwner: false };
    const creation = canCreateIdea({ ...viewer, target: { orgUnitPath: unit?.path ?? [] } }, window.features);
    if (!creation.allowed) {
      throw new ValidationFailed([
        {
          field: 'campaignId',
          code: creation.reason ?? 'submissions_closed',
          message: 'This campaign takes no ideas now.',
        },
      ]);
    }
    return { authorId, window };
  }

  private auditCapture(
    manager: EntityManager,
    actor: Actor,
    ideaId: string,
    authorId: string,
    input: CreateIdeaInput,
    requestId: string | null,
  ): Promise<void> {
    return this.audit.append(manager, {
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

  /** Loads the idea locked for an author's change; refuses others (403) and a closed idea (409). */
  private async editable(
    manager: EntityManager,
    actor: Actor,
    id: string,
    messages: { forbidden: string; closed: string },
  ): Promise<LoadedIdea> {
    const loaded = await this.ideas.loadReadable(manager, id, actor, { lock: true });
    const edit = canEditIdea(loaded.state, loaded.viewer);
    if (!edit.allowed) {
      throw edit.reason === 'not_author'
        ? new Forbidden('not_author', messages.forbidden)
        : new Conflict('not_editable', messages.closed);
    }
    return loaded;
  }

  /** A private event with no status change (edits, co-author steps). */
  private quietEvent(ideaId: string, type: string, actor: Actor, data: Record<string, unknown>) {
    return { ideaId, type, fromStatus: null, toStatus: null, actorId: actor.personId, public: false, data };
  }
}
