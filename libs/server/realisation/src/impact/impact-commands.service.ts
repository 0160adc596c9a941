import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Conflict,
  Forbidden,
  NotFound,
  validateImpactValue,
  validateMeasurement,
  ValidationFailed,
  type Actor,
  type FieldProblem,
} from '@eclore/domain';
import { AuditService, peopleWithRoleCovering } from '@eclore/server-identity';
import { appendIdeaEvents } from '@eclore/server-ideas';
import type { ImpactIndicator } from '../entities';
import { ImpactAccess, type ProjectInContext } from './impact-access';
import type { IndicatorInput, IndicatorUpdateInput, MeasurementInputDto } from './impact.dto';
import { ImpactRepository, type IndicatorFields } from './impact.repository';

/** A calendar day as a UTC midnight, or null when it is no real day (2026-02-30). */
export function parseDay(day: string): Date | null {
  const d = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : d;
}

function indicatorFields(input: IndicatorInput): IndicatorFields {
  const problems: FieldProblem[] = [...validateImpactValue('projectedValue', input.category, input.projectedValue)];
  const label = input.label.trim();
  const unit = input.unit.trim();
  if (label === '') problems.push({ field: 'label', code: 'required', message: 'label is required.' });
  if (unit === '') problems.push({ field: 'unit', code: 'required', message: 'unit is required.' });
  if (parseDay(input.projectedOn) === null)
    problems.push({ field: 'projectedOn', code: 'invalid_date', message: 'projectedOn is not a date.' });
  if (problems.length > 0) throw new ValidationFailed(problems);
  return {
    category: input.category,
    label,
    unit,
    baseline: input.baseline ?? null,
    projectedValue: input.projectedValue,
    projectedOn: input.projectedOn,
  };
}

/**
 * Writes on impact (docs/realisation.md §4): indicators of a project (owner, team, network in scope),
 * measurements (the same people), validation by a network member in scope who did not record the
 * measurement (one person never both records and vouches for a figure). Each write is one
 * transaction with its audit entry and, for measurements, its idea event (notifications, webhook).
 */
@Injectable()
export class ImpactCommandsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ImpactRepository,
    private readonly access: ImpactAccess,
    private readonly audit: AuditService,
  ) {}

  createIndicator(actor: Actor, projectId: string, input: IndicatorInput): Promise<string> {
    return this.ds.transaction(async (m) => {
      const p = await this.access.project(m, actor, projectId);
      this.access.assert(actor, 'impact.record', p.ctx);
      const created = await this.repo.insertIndicator(projectId, indicatorFields(input), actor.personId, m);
      await this.record(m, actor, p, 'impact.indicator_created', {
        indicatorId: created.id,
        category: created.category,
      });
      return created.id;
    });
  }

  updateIndicator(actor: Actor, indicatorId: string, input: IndicatorUpdateInput): Promise<void> {
    return this.ds.transaction(async (m) => {
      const { indicator, p } = await this.indicatorInContext(m, actor, indicatorId);
      this.access.assert(actor, 'impact.record', p.ctx);
      const fields = indicatorFields(input);
      if (indicator.version !== input.version) throw staleIndicator();
      // A measurement carries its indicator's category (its bounds are checked on its row).
      if (fields.category !== indicator.category && (await this.repo.hasMeasurements(indicatorId, m)))
        throw new Conflict('indicator_has_measurements', 'The category of a measured indicator cannot change.');
      if (!(await this.repo.updateIndicator(indicatorId, input.version, fields, m))) throw staleIndicator();
      await this.record(m, actor, p, 'impact.indicator_updated', { indicatorId, version: input.version + 1 });
    });
  }

  deleteIndicator(actor: Actor, indicatorId: string): Promise<void> {
    return this.ds.transaction(async (m) => {
      const { p } = await this.indicatorInContext(m, actor, indicatorId);
      this.access.assert(actor, 'impact.record', p.ctx);
      if (await this.repo.hasMeasurements(indicatorId, m))
        throw new Conflict('indicator_has_measurements', 'An indicator with measurements stays: its history counts.');
      await this.repo.deleteIndicator(indicatorId, m);
      await this.record(m, actor, p, 'impact.indicator_deleted', { indicatorId });
    });
  }

  recordMeasurement(actor: Actor, indicatorId: string, input: MeasurementInputDto, now = new Date()): Promise<string> {
    return this.ds.transaction(async (m) => {
      const { indicator, p } = await this.indicatorInContext(m, actor, indicatorId);
      this.access.assert(actor, 'impact.record', p.ctx);
      const measuredOn = parseDay(input.measuredOn);
      if (measuredOn === null)
        throw new ValidationFailed([
          { field: 'measuredOn', code: 'invalid_date', message: 'measuredOn is not a date.' },
        ]);
      // Go-live is an instant; a measurement is a day: the go-live day itself is allowed.
      const goLive = p.project.goLiveAt === null ? null : parseDay(p.project.goLiveAt.toISOString().slice(0, 10));
      const source = input.source.trim();
      const problems = validateMeasurement(
        indicator.category,
        { value: input.value, measuredOn, source, confidence: input.confidence },
        goLive,
        now,
      );
      if (problems.length > 0) throw new ValidationFailed(problems);
      const created = await this.repo.insertMeasurement(
        { ...input, source, indicatorId, category: indicator.category, recordedBy: actor.personId },
        m,
      );
      const validatorIds = (await peopleWithRoleCovering(m, 'network_member', p.loaded.viewer.target)).filter(
        (id) => id !== actor.personId,
      );
      await this.record(
        m,
        actor,
        p,
        'impact.measurement_recorded',
        { indicatorId, measurementId: created.id },
        {
          public: false,
          data: { validatorIds },
        },
      );
      return created.id;
    });
  }

  validate(actor: Actor, measurementId: string): Promise<string> {
    return this.ds.transaction(async (m) => {
      const measurement = await this.repo.measurement(measurementId, m, true);
      if (!measurement) throw new NotFound('impact_measurement', measurementId);
      const { indicator, p } = await this.indicatorInContext(m, actor, measurement.indicatorId).catch((e: unknown) => {
        throw e instanceof NotFound ? new NotFound('impact_measurement', measurementId) : e;
      });
      this.access.assert(actor, 'impact.validate', p.ctx);
      if (measurement.recordedBy === actor.personId)
        throw new Forbidden('own_measurement', 'A measurement is validated by someone other than who recorded it.');
      if (measurement.validatedBy !== null)
        throw new Conflict('measurement_already_validated', 'This measurement is already validated.');
      await this.repo.validateMeasurement(measurementId, actor.personId, m);
      const recipientIds = await this.repo.ownerAndTeam(p.project.ideaId, p.project.id, m);
      await this.record(
        m,
        actor,
        p,
        'impact.measurement_validated',
        { indicatorId: indicator.id, measurementId },
        {
          public: true,
          data: {
            recipientIds,
            category: indicator.category,
            unit: indicator.unit,
            value: Number(measurement.value),
            measuredOn: measurement.measuredOn,
          },
        },
      );
      return indicator.id;
    });
  }

  private async indicatorInContext(
    m: EntityManager,
    actor: Actor,
    indicatorId: string,
  ): Promise<{ indicator: ImpactIndicator; p: ProjectInContext }> {
    const indicator = await this.repo.indicator(indicatorId, m, true);
    if (!indicator) throw new NotFound('impact_indicator', indicatorId);
    const p = await this.access.project(m, actor, indicator.projectId).catch((e: unknown) => {
      throw e instanceof NotFound ? new NotFound('impact_indicator', indicatorId) : e;
    });
    return { indicator, p };
  }

  /** The audit entry (on the idea: an anonymous author acting is pseudonymised) and the idea event. */
  private async record(
    m: EntityManager,
    actor: Actor,
    p: ProjectInContext,
    action: string,
    data: Record<string, string | number>,
    event?: { public: boolean; data: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.append(m, {
      actorId: actor.personId,
      action,
      subjectType: 'idea',
      subjectId: p.project.ideaId,
      data: { projectId: p.project.id, ...data },
    });
    if (!event) return;
    await appendIdeaEvents(m, [
      {
        ideaId: p.project.ideaId,
        type: action,
        actorId: actor.personId,
        public: event.public,
        data: { projectId: p.project.id, ...data, ...event.data },
      },
    ]);
  }
}

function staleIndicator(): Conflict {
  return new Conflict('stale_version', 'The indicator was changed by someone else meanwhile; reload it and try again.');
}
