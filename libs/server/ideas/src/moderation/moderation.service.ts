import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canReadIdea, Conflict, hasRole, NotFound, type Actor, type ScopeTarget } from '@eclore/domain';
import { plainText } from '@eclore/server-platform';
import { AccessService, AuditService } from '@eclore/server-identity';
import type { ContentReport } from '../entities';
import { appendIdeaEvents } from '../engagement/events';
import { scopeTargetOf } from '../engagement/idea-context';
import { IdeaAccess } from '../ideas/idea-access.service';
import type { CreateReportDto, OpenReportDto, ReportResolvedDto } from './moderation.dto';
import { ModerationRepository, type ReportTarget } from './moderation.repository';

const EXCERPT_LENGTH = 300;
const QUEUE_LIMIT = 500;

/**
 * Reports by anyone signed in (once per person per target); the network, within its scope, hides the
 * content with a reason (its author is told through an idea event) or dismisses the report. Every
 * act is audited in its transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly repo: ModerationRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async report(input: CreateReportDto, actor: Actor): Promise<{ id: string }> {
    return this.repo.transaction(async (manager) => {
      const target = await this.repo.target(input.targetType, input.targetId, manager);
      // Reporting something one cannot see reveals nothing: it does not exist.
      const idea = target ? await this.ideas.find(manager, target.idea.id, actor) : null;
      if (!target || !idea || !canReadIdea(idea.state, idea.credited).allowed)
        throw new NotFound(input.targetType, input.targetId);
      const id = await this.repo.insertReport(
        {
          targetType: input.targetType,
          targetId: input.targetId,
          reporterId: actor.personId,
          reason: input.reason.trim(),
        },
        manager,
      );
      if (!id) throw new Conflict('already_reported', 'You have already reported this.');
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'content.reported',
        subjectType: input.targetType,
        subjectId: input.targetId,
        data: { reportId: id },
      });
      return { id };
    });
  }

  /** Open reports on content within the network member's scope, oldest first. */
  async openReports(actor: Actor): Promise<OpenReportDto[]> {
    const manager = this.repo.manager;
    const reports = await this.repo.openReports(QUEUE_LIMIT, manager);
    const commentIds = reports.filter((r) => r.targetType === 'comment').map((r) => r.targetId);
    const comments = new Map((await this.repo.commentsByIds(commentIds, manager)).map((c) => [c.id, c]));
    const ideaIds = [
      ...new Set(
        reports
          .map((r) => (r.targetType === 'idea' ? r.targetId : comments.get(r.targetId)?.ideaId))
          .filter((x): x is string => !!x),
      ),
    ];
    const ideas = new Map((await this.repo.ideasByIds(ideaIds, manager)).map((i) => [i.id, i]));
    const scopes = new Map<string, ScopeTarget>();
    for (const idea of ideas.values()) scopes.set(idea.id, await scopeTargetOf(manager, idea));
    const perTarget = new Map<string, number>();
    for (const r of reports)
      perTarget.set(`${r.targetType}:${r.targetId}`, (perTarget.get(`${r.targetType}:${r.targetId}`) ?? 0) + 1);

    const items: OpenReportDto[] = [];
    for (const r of reports) {
      const comment = r.targetType === 'comment' ? comments.get(r.targetId) : undefined;
      const idea = ideas.get(r.targetType === 'idea' ? r.targetId : (comment?.ideaId ?? ''));
      if (!idea || !hasRole(actor, 'network_member', scopes.get(idea.id))) continue;
      const text = comment
        ? plainText(comment.bodyHtml)
        : [idea.title, plainText(idea.summary || idea.bodyHtml)].join(' — ');
      items.push({
        id: r.id,
        targetType: r.targetType,
        targetId: r.targetId,
        ideaId: idea.id,
        ideaTitle: idea.title,
        excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
        reportsOnTarget: perTarget.get(`${r.targetType}:${r.targetId}`) ?? 1,
      });
    }
    return items;
  }

  hide(reportId: string, reason: string, actor: Actor): Promise<ReportResolvedDto> {
    return this.repo.transaction(async (manager) => {
      const { report, target } = await this.openReportForModerator(manager, reportId, actor);
      const why = reason.trim();
      if (report.targetType === 'idea') {
        if (await this.repo.hideIdea(target.idea.id, why, manager)) {
          // The authors are told; they are named by reference so no identity is copied into the event.
          await appendIdeaEvents(manager, [
            {
              ideaId: target.idea.id,
              type: 'hidden',
              actorId: actor.personId,
              public: false,
              data: { reason: why, reportId, notify: 'idea_authors' },
            },
          ]);
        }
      } else {
        if (await this.repo.hideComment({ id: report.targetId, ideaId: target.idea.id }, why, manager)) {
          await appendIdeaEvents(manager, [
            {
              ideaId: target.idea.id,
              type: 'comment_hidden',
              actorId: actor.personId,
              public: false,
              data: { commentId: report.targetId, reason: why, reportId, notify: 'comment_author' },
            },
          ]);
        }
      }
      // Hidden content needs no other review: every open report on it is resolved with this one.
      await this.repo.resolveAllAsHidden(
        { type: report.targetType, id: report.targetId },
        actor.personId,
        why,
        manager,
      );
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'moderation.hidden',
        subjectType: report.targetType,
        subjectId: report.targetId,
        data: { reportId, reason: why, ideaId: target.idea.id },
      });
      return { id: reportId, resolution: 'hidden' as const };
    });
  }

  dismiss(reportId: string, actor: Actor): Promise<ReportResolvedDto> {
    return this.repo.transaction(async (manager) => {
      const { report, target } = await this.openReportForModerator(manager, reportId, actor);
      await this.repo.dismiss(reportId, actor.personId, manager);
      await this.audit.append(manager, {
        actorId: actor.personId,
        action: 'moderation.dismissed',
        subjectType: report.targetType,
        subjectId: report.targetId,
        data: { reportId, ideaId: target.idea.id },
      });
      return { id: reportId, resolution: 'dismissed' as const };
    });
  }

  /** The report (locked, still open) and its content; the moderator's scope must cover the idea. */
  private async openReportForModerator(
    manager: EntityManager,
    reportId: string,
    actor: Actor,
  ): Promise<{ report: ContentReport; target: ReportTarget }> {
    const report = await this.repo.findReportForUpdate(reportId, manager);
    if (!report) throw new NotFound('report', reportId);
    const target = await this.repo.target(report.targetType, report.targetId, manager);
    if (!target) throw new NotFound(report.targetType, report.targetId);
    this.access.assert(actor, 'moderation.resolve', { target: await scopeTargetOf(manager, target.idea) });
    if (report.resolvedAt) throw new Conflict('report_resolved', 'This report has already been dealt with.');
    return { report, target };
  }
}
