import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DAY_MS,
  ValidationFailed,
  validateAnswerTimeSettings,
  type Actor,
  type AnswerTimeSettings,
} from '@eclore/domain';
import { OutboxService } from '@eclore/server-platform';
import { AuditService } from '@eclore/server-identity';
import { IdeaAccess } from '@eclore/server-ideas';
import { loadDeadlines, lateIdeas } from './deadline-queries';
import { DeadlinesRepository, readAnswerTimeSettings } from './deadlines.repository';
import type {
  AnswerTimeSettingsDto,
  IdeaDeadlinesDto,
  LateIdeasDto,
  UpdateAnswerTimeSettingsInput,
} from './deadlines.dto';

const LATE_LIMIT = 200;

/** The answer-time guarantee in the api: settings (admins), an idea's due dates, the late list. */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly repo: DeadlinesRepository,
  ) {}

  async settings(): Promise<AnswerTimeSettingsDto> {
    const row = await this.repo.settingsRow();
    const s = await readAnswerTimeSettings(this.ds.manager);
    return { ...s, updatedAt: row ? row.updatedAt.toISOString() : null };
  }

  /** Saves, audits and asks the worker to reschedule every deadline (one transaction). */
  async updateSettings(
    actor: Actor,
    input: UpdateAnswerTimeSettingsInput,
    requestId: string | null,
  ): Promise<AnswerTimeSettingsDto> {
    const next: AnswerTimeSettings = {
      firstAnswerDays: input.firstAnswerDays,
      qualificationDays: input.qualificationDays,
      remindBeforeDays: input.remindBeforeDays,
    };
    const problems = validateAnswerTimeSettings({ ...next });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.ds.transaction(async (m) => {
      const before = await readAnswerTimeSettings(m);
      await this.repo.saveSettings(next, actor.personId, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'answer_time.settings_set',
        subjectType: 'answer_time_settings',
        subjectId: null,
        data: { before: { ...before }, after: { ...next } },
        requestId,
      });
      await this.outbox.append(m, 'qualification.reschedule_deadlines', { reason: 'settings_changed' });
    });
    return this.settings();
  }

  /** The idea's deadlines for whoever may read the idea (no author data: dates only). */
  async ideaDeadlines(actor: Actor, ideaId: string): Promise<IdeaDeadlinesDto> {
    await this.ideas.loadReadable(this.ds.manager, ideaId, actor);
    const deadlines = (await loadDeadlines(this.ds.manager, [ideaId])).get(ideaId) ?? [];
    const now = Date.now();
    const dtos = deadlines.map((d) => ({
      kind: d.kind,
      startedAt: d.startedAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      remindAt: d.remindAt ? d.remindAt.toISOString() : null,
      late: d.dueAt.getTime() <= now,
    }));
    return { deadlines: dtos, late: dtos.some((d) => d.late) };
  }

  async late(actor: Actor): Promise<LateIdeasDto> {
    const now = new Date();
    const items = await lateIdeas(this.ds.manager, actor, now, LATE_LIMIT);
    return {
      items: items.map((i) => ({
        ideaId: i.id,
        title: i.title,
        status: i.status,
        overdue: i.overdue.map((d) => ({
          kind: d.kind,
          dueAt: d.dueAt.toISOString(),
          daysLate: Math.floor((now.getTime() - d.dueAt.getTime()) / DAY_MS),
        })),
      })),
    };
  }
}
