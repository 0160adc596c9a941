import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyRecognition,
  Conflict,
  Forbidden,
  NotFound,
  validateRecognitionSettings,
  ValidationFailed,
  type Actor,
  type RecognitionCommand,
  type RecognitionForm,
  type RecognitionMilestone,
  type RecognitionResult,
} from '@eclore/domain';
import { AccessService, AuditService, findPeople } from '@eclore/server-identity';
import { appendIdeaEvents, ideaScopeTarget } from '@eclore/server-ideas';
import { presentForRecogniser, presentMine } from './recognition-presenter';
import type {
  DismissRecognitionDto,
  MyRecognitionDto,
  RecognitionDto,
  RecognitionSettingsDto,
  RecordRecognitionDto,
  SetRecognitionSettingsDto,
} from './recognition.dto';
import { RecognitionRepository, type RecognitionListRow } from './recognition.repository';

/** The idea event that tells the person (through the outbox and the notifications engine). */
export const RECOGNITION_RECORDED_EVENT = 'recognition_recorded';

/**
 * The recognition workflow's commands (docs/recognition.md §3): record or dismiss a due item (a
 * recogniser: HR, admins, the network lead whose scope covers the idea), decline public recognition
 * (the person only), set the milestones (HR, admins). Each in one transaction with its audit entry;
 * recording also appends the private `recognition_recorded` idea event whose only recipient is the
 * person (in-app and e-mail). Audit entries never carry the person: the recognition's id only.
 */
@Injectable()
export class RecognitionCommands {
  constructor(
    private readonly repo: RecognitionRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  record(actor: Actor, id: string, input: RecordRecognitionDto, requestId: string | null): Promise<RecognitionDto> {
    return this.repo.transaction(async (m) => {
      const row = await this.loadForRecogniser(m, actor, id);
      if (typeof input.isPublic !== 'boolean') {
        throw new ValidationFailed([{ field: 'isPublic', code: 'isBoolean', message: 'isPublic is true or false.' }]);
      }
      const command: RecognitionCommand = {
        type: 'record',
        form: input.form,
        message: typeof input.message === 'string' ? input.message.trim() : (input.message as never),
        isPublic: input.isPublic,
      };
      this.expectOk(
        applyRecognition(domainOf(row), command, { personId: actor.personId, isRecogniser: true }, new Date()),
      );
      const form = command.form as RecognitionForm;
      await this.repo.record(
        id,
        { form, message: command.message, isPublic: command.isPublic, anonymous: row.hidden, by: actor.personId },
        m,
      );
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'recognition.recorded',
        subjectType: 'recognition',
        subjectId: id,
        data: { ideaId: row.ideaId, milestone: row.milestone, form, isPublic: command.isPublic },
        requestId,
      });
      // Private, and on no timeline: it exists to tell the person, who alone is its recipient.
      await appendIdeaEvents(m, [
        {
          ideaId: row.ideaId,
          type: RECOGNITION_RECORDED_EVENT,
          actorId: actor.personId,
          public: false,
          data: { recognitionId: id, personId: row.personId, form },
        },
      ]);
      await this.repo.markNotified(id, m);
      return this.presentOne(m, id);
    });
  }

  dismiss(actor: Actor, id: string, input: DismissRecognitionDto, requestId: string | null): Promise<RecognitionDto> {
    return this.repo.transaction(async (m) => {
      const row = await this.loadForRecogniser(m, actor, id);
      const reason = typeof input.reason === 'string' ? input.reason.trim() : (input.reason as never);
      this.expectOk(
        applyRecognition(
          domainOf(row),
          { type: 'dismiss', reason },
          { personId: actor.personId, isRecogniser: true },
          new Date(),
        ),
      );
      await this.repo.dismiss(id, { reason, by: actor.personId }, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'recognition.dismissed',
        subjectType: 'recognition',
        subjectId: id,
        data: { ideaId: row.ideaId, milestone: row.milestone, reason },
        requestId,
      });
      return this.presentOne(m, id);
    });
  }

  /** The person declines public recognition: private from now on, never undone, still counted. */
  declinePublic(actor: Actor, id: string, requestId: string | null): Promise<MyRecognitionDto> {
    return this.repo.transaction(async (m) => {
      const row = await this.repo.find(id, m, { lock: true });
      if (!row) throw new NotFound('recognition', id);
      const target = (await ideaScopeTarget(m, row.ideaId)) ?? { orgUnitPath: [], themes: [] };
      this.access.assert(actor, 'recognition.decline_public', {
        target,
        isRecognised: row.personId === actor.personId,
      });
      const now = new Date();
      this.expectOk(
        applyRecognition(
          domainOf(row),
          { type: 'decline_public' },
          { personId: actor.personId, isRecogniser: false },
          now,
        ),
      );
      await this.repo.declinePublic(id, now, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'recognition.public_declined',
        subjectType: 'recognition',
        subjectId: id,
        requestId,
      });
      return presentMine((await this.repo.find(id, m))!);
    });
  }

  setSettings(
    actor: Actor,
    input: SetRecognitionSettingsDto,
    requestId: string | null,
  ): Promise<RecognitionSettingsDto> {
    this.access.assert(actor, 'recognition.settings');
    const problems = validateRecognitionSettings({ milestones: input.milestones });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const milestones = input.milestones as RecognitionMilestone[];
    return this.repo.transaction(async (m) => {
      await this.repo.saveSettings(milestones, actor.personId, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'recognition.settings_set',
        subjectType: 'recognition_settings',
        subjectId: null,
        data: { milestones },
        requestId,
      });
      const saved = await this.repo.settings(m);
      return { milestones: [...saved.milestones], updatedAt: saved.updatedAt?.toISOString() ?? null };
    });
  }

  /** The item, locked, after the policy has checked the actor recognises within the idea's scope. */
  private async loadForRecogniser(m: EntityManager, actor: Actor, id: string): Promise<RecognitionListRow> {
    const row = await this.repo.find(id, m, { lock: true });
    if (!row) throw new NotFound('recognition', id);
    const target = (await ideaScopeTarget(m, row.ideaId)) ?? { orgUnitPath: [], themes: [] };
    this.access.assert(actor, 'recognition.manage', { target });
    return row;
  }

  private async presentOne(m: EntityManager, id: string): Promise<RecognitionDto> {
    const row = (await this.repo.find(id, m))!;
    const people = new Map((await findPeople(m, row.hidden ? [] : [row.personId])).map((p) => [p.id, p]));
    return presentForRecogniser(row, people);
  }

  /** The domain's refusals as typed errors: a field named (400), the state (409), the person (403). */
  private expectOk(result: RecognitionResult): void {
    if (result.ok) return;
    switch (result.reason) {
      case 'invalid':
        throw new ValidationFailed(result.problems);
      case 'not_due':
        throw new Conflict('recognition_not_due', 'This recognition was already recorded or dismissed.');
      case 'not_recorded':
        throw new Conflict('recognition_not_recorded', 'Only a recorded recognition can be made private.');
      case 'not_public':
        throw new Conflict('recognition_not_public', 'This recognition is already private.');
      case 'not_the_person':
        throw new Forbidden('not_the_person', 'Only the person recognised may do this.');
      case 'not_recogniser':
        throw new Forbidden('role_required', 'Only HR or the network lead record recognition.');
      case 'own_recognition':
        throw new Forbidden('own_recognition', 'Your own recognition is recorded by another recogniser.');
    }
  }
}

/** The domain's view of a row; the person counts as anonymous while hidden (unclaimed). */
export function domainOf(row: RecognitionListRow) {
  return {
    status: row.status,
    personId: row.personId,
    anonymous: row.hidden,
    form: row.form,
    isPublic: row.isPublic,
    publicDeclinedAt: row.publicDeclinedAt,
  };
}
