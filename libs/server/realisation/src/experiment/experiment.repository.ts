import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { ExperimentMeasure as MeasureFacts, ExperimentStatus, Hypothesis } from '@eclore/domain';
import { IdeaAttachment } from '@eclore/server-ideas';
import {
  Experiment,
  ExperimentAgendaItem,
  ExperimentHypothesis,
  ExperimentMeasure,
  LogEntry,
  LogEntryAttachment,
} from '../entities';

export interface ProtocolRow {
  whatIsTried: string;
  whereTried: string;
  withWhom: string;
  startsOn: string;
  endsOn: string;
}

/** An attachment of a log entry as the page lists it. */
export interface EntryAttachmentRow {
  logEntryId: string;
  id: string;
  fileName: string;
  contentType: string;
}

/** The experiment tables: the protocol, hypothesis history, measures, log book and its attachments. */
@Injectable()
export class ExperimentRepository {
  constructor(private readonly ds: DataSource) {}

  /** The idea's experiment (the latest, should there ever be several). */
  ofIdea(ideaId: string, manager: EntityManager = this.ds.manager, lock = false): Promise<Experiment | null> {
    return manager.findOne(Experiment, {
      where: { ideaId },
      order: { createdAt: 'DESC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insert(
    e: ProtocolRow & { ideaId: string; createdBy: string },
    hypothesis: Hypothesis,
    measures: readonly MeasureFacts[],
    manager: EntityManager,
  ): Promise<string> {
    const inserted = await manager.insert(Experiment, e);
    const experimentId = String(inserted.identifiers[0]!['id']);
    await manager.insert(ExperimentHypothesis, { experimentId, version: 1, ...hypothesis, createdBy: e.createdBy });
    await this.replaceMeasures(experimentId, measures, manager);
    return experimentId;
  }

  /** Updates the protocol if nobody changed the experiment since `version` (answers false otherwise). */
  async updateProtocol(id: string, version: number, protocol: ProtocolRow, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(Experiment, { id, version }, { ...protocol, version: version + 1 });
    return (result.affected ?? 0) === 1;
  }

  async replaceMeasures(
    experimentId: string,
    measures: readonly MeasureFacts[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(ExperimentMeasure, { experimentId });
    if (measures.length === 0) return;
    await manager.insert(
      ExperimentMeasure,
      measures.map((m, position) => ({ experimentId, position, label: m.label, unit: m.unit, target: m.target })),
    );
  }

  hypotheses(experimentId: string, manager: EntityManager = this.ds.manager): Promise<ExperimentHypothesis[]> {
    return manager.find(ExperimentHypothesis, { where: { experimentId }, order: { version: 'ASC' } });
  }

  currentHypothesis(experimentId: string, manager: EntityManager): Promise<ExperimentHypothesis | null> {
    return manager.findOne(ExperimentHypothesis, { where: { experimentId, supersededAt: IsNull() } });
  }

  /** A pivot: the current hypothesis is superseded (kept), a new version becomes current. */
  async pivot(
    experimentId: string,
    supersededVersion: number,
    next: Hypothesis & { pivotReason: string; createdBy: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(
      ExperimentHypothesis,
      { experimentId, version: supersededVersion },
      { supersededAt: new Date() },
    );
    await manager.insert(ExperimentHypothesis, { experimentId, version: supersededVersion + 1, ...next });
    await manager.increment(Experiment, { id: experimentId }, 'version', 1);
  }

  async setOutcome(
    id: string,
    status: Exclude<ExperimentStatus, 'running'>,
    learnings: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(Experiment, { id }, { status, learnings, outcomeAt: new Date() });
    await manager.increment(Experiment, { id }, 'version', 1);
  }

  measures(experimentId: string, manager: EntityManager = this.ds.manager): Promise<ExperimentMeasure[]> {
    return manager.find(ExperimentMeasure, { where: { experimentId }, order: { position: 'ASC' } });
  }

  /** The log book in reading order: by day, then writing time, then id. */
  entries(experimentId: string, manager: EntityManager = this.ds.manager): Promise<LogEntry[]> {
    return manager.find(LogEntry, {
      where: { experimentId },
      order: { occurredOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  entry(experimentId: string, id: string, manager: EntityManager): Promise<LogEntry | null> {
    return manager.findOne(LogEntry, { where: { experimentId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async insertEntry(
    entry: Pick<LogEntry, 'experimentId' | 'hypothesisId' | 'writerId' | 'bodyHtml' | 'occurredOn'>,
    manager: EntityManager,
  ): Promise<string> {
    const inserted = await manager.insert(LogEntry, entry);
    return String(inserted.identifiers[0]!['id']);
  }

  async updateEntry(
    id: string,
    changes: Pick<LogEntry, 'bodyHtml' | 'occurredOn' | 'editedAt'>,
    manager: EntityManager,
  ) {
    await manager.update(LogEntry, { id }, changes);
  }

  /** Which of these attachment ids belong to the idea (the others are refused by the caller). */
  async ideaAttachmentIds(ideaId: string, ids: readonly string[], manager: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(IdeaAttachment, { where: { ideaId, id: In([...ids]) }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async setEntryAttachments(
    logEntryId: string,
    attachmentIds: readonly string[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(LogEntryAttachment, { logEntryId });
    if (attachmentIds.length > 0)
      await manager.insert(
        LogEntryAttachment,
        [...new Set(attachmentIds)].map((attachmentId) => ({ logEntryId, attachmentId })),
      );
  }

  async entryAttachments(
    entryIds: readonly string[],
    manager: EntityManager = this.ds.manager,
  ): Promise<EntryAttachmentRow[]> {
    if (entryIds.length === 0) return [];
    return manager.query(
      `SELECT l.log_entry_id AS "logEntryId", a.id, a.file_name AS "fileName", a.content_type AS "contentType"
         FROM log_entry_attachment l JOIN idea_attachment a ON a.id = l.attachment_id
        WHERE l.log_entry_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [entryIds],
    );
  }

  /** Agenda items this experiment's evidence is attached to. */
  async agendaItemIds(experimentId: string, manager: EntityManager = this.ds.manager): Promise<string[]> {
    const rows = await manager.find(ExperimentAgendaItem, { where: { experimentId } });
    return rows.map((r) => r.agendaItemId);
  }
}
