import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { canReadIdea, Conflict, hasRole, NotFound, type Actor, type ScopeTarget } from '@eclore/domain';
import { plainText } from '@eclore/server-platform';
import { AccessService, AuditService } from '@eclore/server-identity';
import { ContentReport, Idea, IdeaComment } from '../entities';
import { appendIdeaEvents } from '../engagement/events';
import { loadIdea, scopeTargetOf } from '../engagement/idea-context';
import type { CreateReportDto, OpenReportDto, ReportResolvedDto, ReportTargetType } from './moderation.dto';

const EXCERPT_LENGTH = 300;
const QUEUE_LIMIT = 500;

interface ResolvedTarget {
  idea: Idea;
  comment: IdeaComment | null;
}

/**
 * Reports by anyone signed in (once per person per target); the network, within its scope, hides the
 * content with a reason (its author is told through an idea event) or dismisses the report. Every
 * act is audited in its transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async report(input: CreateReportDto, actor: Actor): Promise<{ id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.target(manager, input.targetType, input.targetId);
      // Reporting something one cannot see reveals nothing: it does not exist.
      const idea = target ? await loadIdea(manager, target.idea.id, actor) : null;
      if (!target || !idea || !canReadIdea(idea.state, idea.ctx).allowed)
        throw new NotFound(input.targetType, input.targetId);
      const rows = (await manager.query(
        `INSERT INTO content_report (target_type, target_id, reporter_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (target_type, target_id, reporter_id) DO NOTHING RETURNING id`,
        [input.targetType, input.targetId, actor.personId, input.reason.trim()],
      )) as { id: string }[];
      const id = rows[0]?.id;
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
    const manager = this.dataSource.manager;
    const reports = await manager.find(ContentReport, {
      where: { resolvedAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: QUEUE_LIMIT,
    });
    const commentIds = reports.filter((r) => r.targetType === 'comment').map((r) => r.targetId);
    const comments = new Map(
      (commentIds.length ? await manager.find(IdeaComment, { where: { id: In(commentIds) } }) : []).map((c) => [
        c.id,
        c,
      ]),
    );
    const ideaIds = [
      ...new Set(
        reports
          .map((r) => (r.targetType === 'idea' ? r.targetId : comments.get(r.targetId)?.ideaId))
          .filter((x): x is string => !!x),
      ),
    ];
    const ideas = new Map(
      (ideaIds.length ? await manager.find(Idea, { where: { id: In(ideaIds) } }) : []).map((i) => [i.id, i]),
    );
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
    return this.dataSource.transaction(async (manager) => {
      const { report, target } = await this.openReportForModerator(manager, reportId, actor);
      const why = reason.trim();
      if (report.targetType === 'idea') {
        const hidden = (await manager.query(
          `UPDATE idea SET hidden_at = now(), hidden_reason = $2, version = version + 1, updated_at = now()
           WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
          [target.idea.id, why],
        )) as [unknown[], number];
        if (hidden[0].length > 0) {
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
        const hidden = (await manager.query(
          'UPDATE idea_comment SET hidden_at = now(), hidden_reason = $2 WHERE id = $1 AND hidden_at IS NULL RETURNING id',
          [report.targetId, why],
        )) as [unknown[], number];
        if (hidden[0].length > 0) {
          await manager.query('UPDATE idea SET comment_count = greatest(comment_count - 1, 0) WHERE id = $1', [
            target.idea.id,
          ]);
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
      await manager.query(
        `UPDATE content_report SET resolved_at = now(), resolved_by = $3, resolution = 'hidden', resolution_reason = $4
         WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL`,
        [report.targetType, report.targetId, actor.personId, why],
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
    return this.dataSource.transaction(async (manager) => {
      const { report, target } = await this.openReportForModerator(manager, reportId, actor);
      await manager.update(
        ContentReport,
        { id: reportId },
        { resolvedAt: new Date(), resolvedBy: actor.personId, resolution: 'dismissed' },
      );
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
  private async openReportForModerator(manager: EntityManager, reportId: string, actor: Actor) {
    const report = await manager.findOne(ContentReport, {
      where: { id: reportId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!report) throw new NotFound('report', reportId);
    const target = await this.target(manager, report.targetType, report.targetId);
    if (!target) throw new NotFound(report.targetType, report.targetId);
    this.access.assert(actor, 'moderation.resolve', { target: await scopeTargetOf(manager, target.idea) });
    if (report.resolvedAt) throw new Conflict('report_resolved', 'This report has already been dealt with.');
    return { report, target };
  }

  private async target(manager: EntityManager, type: ReportTargetType, id: string): Promise<ResolvedTarget | null> {
    if (type === 'idea') {
      const idea = await manager.findOne(Idea, { where: { id } });
      return idea ? { idea, comment: null } : null;
    }
    const comment = await manager.findOne(IdeaComment, { where: { id } });
    if (!comment) return null;
    const idea = await manager.findOne(Idea, { where: { id: comment.ideaId } });
    return idea ? { idea, comment } : null;
  }
}
