import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { ContentReport, Idea, IdeaComment } from '../entities';
import type { ReportTargetType } from './moderation.dto';
import { IdeasContextRepository } from '../repository';

const INSERT_REPORT = `
  INSERT INTO content_report (target_type, target_id, reporter_id, reason) VALUES ($1, $2, $3, $4)
  ON CONFLICT (target_type, target_id, reporter_id) DO NOTHING RETURNING id`;

// Raw on purpose: hiding bumps the version itself, and hiding a comment must not touch the idea's version.
const HIDE_IDEA = `
  UPDATE idea SET hidden_at = now(), hidden_reason = $2, version = version + 1, updated_at = now()
  WHERE id = $1 AND hidden_at IS NULL RETURNING id`;

const HIDE_COMMENT = `UPDATE idea_comment SET hidden_at = now(), hidden_reason = $2 WHERE id = $1 AND hidden_at IS NULL RETURNING id`;

const UNCOUNT_COMMENT = 'UPDATE idea_counter SET comment_count = greatest(comment_count - 1, 0) WHERE idea_id = $1';

const RESOLVE_AS_HIDDEN = `
  UPDATE content_report SET resolved_at = now(), resolved_by = $3, resolution = 'hidden', resolution_reason = $4
  WHERE target_type = $1 AND target_id = $2 AND resolved_at IS NULL`;

/** A report's target: an idea, or a comment with the idea it is on. */
export interface ReportTarget {
  idea: Idea;
  comment: IdeaComment | null;
}

/** A new report on some content. */
export interface NewReport {
  targetType: ReportTargetType;
  targetId: string;
  reporterId: string;
  reason: string;
}

/** Every query of moderation; each method runs in the caller's transaction when given its manager. */
@Injectable()
export class ModerationRepository extends IdeasContextRepository {
  /** Answers the new report's id, or null when this person already reported this target. */
  async insertReport(report: NewReport, manager: EntityManager): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(INSERT_REPORT, [
      report.targetType,
      report.targetId,
      report.reporterId,
      report.reason,
    ]);
    return rows[0]?.id ?? null;
  }

  openReports(limit: number, manager = this.ds.manager): Promise<ContentReport[]> {
    return manager.find(ContentReport, { where: { resolvedAt: IsNull() }, order: { createdAt: 'ASC' }, take: limit });
  }

  findReportForUpdate(id: string, manager: EntityManager): Promise<ContentReport | null> {
    return manager.findOne(ContentReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async commentsByIds(ids: readonly string[], manager = this.ds.manager): Promise<IdeaComment[]> {
    return ids.length ? manager.find(IdeaComment, { where: { id: In([...ids]) } }) : [];
  }

  async ideasByIds(ids: readonly string[], manager = this.ds.manager): Promise<Idea[]> {
    return ids.length ? manager.find(Idea, { where: { id: In([...ids]) } }) : [];
  }

  /** The reported content and its idea, or null when either is gone. */
  async target(type: ReportTargetType, id: string, manager: EntityManager): Promise<ReportTarget | null> {
    if (type === 'idea') {
      const idea = await manager.findOne(Idea, { where: { id } });
      return idea ? { idea, comment: null } : null;
    }
    const comment = await manager.findOne(IdeaComment, { where: { id } });
    if (!comment) return null;
    const idea = await manager.findOne(Idea, { where: { id: comment.ideaId } });
    return idea ? { idea, comment } : null;
  }

  /** Answers whether the idea was visible until now. */
  async hideIdea(ideaId: string, reason: string, manager: EntityManager): Promise<boolean> {
    const [rows] = (await manager.query(HIDE_IDEA, [ideaId, reason])) as [unknown[], number];
    return rows.length > 0;
  }

  /** Hides the comment and uncounts it on its idea; answers whether it was visible until now. */
  async hideComment(comment: { id: string; ideaId: string }, reason: string, manager: EntityManager): Promise<boolean> {
    const [rows] = (await manager.query(HIDE_COMMENT, [comment.id, reason])) as [unknown[], number];
    if (rows.length === 0) return false;
    await manager.query(UNCOUNT_COMMENT, [comment.ideaId]);
    return true;
  }

  /** Hidden content needs no other review: every open report on it is resolved at once. */
  async resolveAllAsHidden(
    target: { type: ReportTargetType; id: string },
    by: string,
    reason: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(RESOLVE_AS_HIDDEN, [target.type, target.id, by, reason]);
  }

  async dismiss(reportId: string, by: string, manager: EntityManager): Promise<void> {
    await manager.update(
      ContentReport,
      { id: reportId },
      { resolvedAt: new Date(), resolvedBy: by, resolution: 'dismissed' },
    );
  }
}
