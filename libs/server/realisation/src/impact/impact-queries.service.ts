import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  actualMeasurement,
  holdsRole,
  sumIndicators,
  type Actor,
  type ImpactIndicator as DomainIndicator,
} from '@eclore/domain';
import { AccessService, findOrgUnits, peopleByIds } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { ImpactIndicator, ImpactMeasurement, ImplementationProject } from '../entities';
import { contextFor } from './impact-access';
import type { IdeaImpactDto, ImpactRollupDto, IndicatorDto, MeasurementDto, RollupQuery } from './impact.dto';
import { byCategoryThenUnit, ImpactRepository, type KeyedTotal } from './impact.repository';
import type { RollupScope } from './impact-rollup.sql';

const ROLLUP_ROLES = ['network_member', 'network_lead', 'committee_member', 'hr', 'admin'] as const;

/** Where the roll-up reader may look: the union of their roll-up roles' scopes. */
export function rollupScope(actor: Actor): RollupScope {
  const scopes = actor.assignments
    .filter((a) => (ROLLUP_ROLES as readonly string[]).includes(a.role))
    .map((a) => a.scope);
  return {
    everywhere: scopes.some((s) => s.kind === 'organisation'),
    units: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
    themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
  };
}

/** The domain's view of an indicator (the one source of the actual-value rule). */
export function toDomainIndicator(i: ImpactIndicator, measurements: readonly ImpactMeasurement[]): DomainIndicator {
  return {
    id: i.id,
    projectId: i.projectId,
    category: i.category,
    unit: i.unit,
    projectedValue: Number(i.projectedValue),
    projectedOn: new Date(`${i.projectedOn}T00:00:00Z`),
    measurements: measurements.map((m) => ({
      value: Number(m.value),
      measuredOn: new Date(`${m.measuredOn}T00:00:00Z`),
      source: m.source,
      confidence: m.confidence,
      validatedBy: m.validatedBy,
    })),
  };
}

/**
 * Reads on impact: an idea's indicators and totals (whoever may read the idea sees validated figures;
 * unvalidated measurements only the owner, the team and the network in scope), and the roll-ups for
 * the network, the committee, HR and admins, limited to what their scope covers.
 */
@Injectable()
export class ImpactQueriesService {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly repo: ImpactRepository,
  ) {}

  async ideaImpact(actor: Actor, ideaId: string): Promise<IdeaImpactDto> {
    const m = this.ds.manager;
    const loaded = await this.ideas.loadReadable(m, ideaId, actor);
    const projects = await this.repo.projectsOfIdea(ideaId, m);
    const [indicators, units, lineage] = await readsOn(m, [
      () =>
        this.repo.indicatorsOf(
          projects.map((p) => p.id),
          m,
        ),
      () =>
        findOrgUnits(
          m,
          projects.map((p) => p.orgUnitId),
        ),
      () => this.repo.lineageTotals(ideaId, m),
    ]);
    const measurements = await this.repo.measurementsOf(
      indicators.map((i) => i.id),
      m,
    );
    const validators = await peopleByIds(
      m,
      measurements.flatMap((x) => (x.validatedBy ? [x.validatedBy] : [])),
    );
    const seesUnvalidated = projects.some((p) => this.access.can(actor, 'impact.record', contextFor(actor, loaded, p)));
    const present = this.presenter(actor, loaded, new Map(validators.map((p) => [p.id, p])));
    const measurementsOf = (indicatorId: string) => measurements.filter((x) => x.indicatorId === indicatorId);
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const domain = indicators.map((i) => toDomainIndicator(i, measurementsOf(i.id)));
    return {
      projects: projects.map((p) => {
        const unit = unitOf.get(p.orgUnitId);
        return {
          id: p.id,
          orgUnit: { id: p.orgUnitId, code: unit?.code ?? '', name: unit?.name ?? '' },
          goLiveAt: p.goLiveAt?.toISOString() ?? null,
          canRecord: this.access.can(actor, 'impact.record', contextFor(actor, loaded, p)),
          indicators: indicators
            .filter((i) => i.projectId === p.id)
            .map((i) => present(p, i, measurementsOf(i.id), seesUnvalidated)),
        };
      }),
      totals: sumIndicators(domain),
      withReplications: lineage.totals,
      lineageProjectCount: lineage.projects,
      seesUnvalidated,
    };
  }

  async rollups(actor: Actor, q: RollupQuery): Promise<ImpactRollupDto> {
    this.access.assert(actor, 'impact.read_rollups');
    const scope = rollupScope(actor);
    const filters = { orgUnitId: q.orgUnitId, category: q.category };
    const [lines, yearLines] = await Promise.all([
      this.repo.rollup(scope, { ...filters, grouping: q.by, year: q.year }),
      this.repo.rollup(scope, { ...filters, grouping: 'year' }),
    ]);
    const groups = new Map<string | null, KeyedTotal[]>();
    for (const line of lines) groups.set(line.key, [...(groups.get(line.key) ?? []), line]);
    const labels =
      q.by === 'year' ? new Map<string, string>() : await this.repo.labels(q.by, [...groups.keys()].filter(isString));
    const keys = [...groups.keys()].sort((a, b) =>
      q.by === 'year' ? Number(a) - Number(b) : (labels.get(a ?? '') ?? '~').localeCompare(labels.get(b ?? '') ?? '~'),
    );
    return {
      by: q.by,
      year: q.year ?? null,
      years: [...new Set(yearLines.map((l) => Number(l.key)))].sort((a, b) => a - b),
      groups: keys.map((key) => ({
        key,
        label: key === null ? null : q.by === 'year' ? key : (labels.get(key) ?? null),
        totals: (groups.get(key) ?? []).map(({ key: _k, ...t }) => t).sort(byCategoryThenUnit),
      })),
    };
  }

  private presenter(
    actor: Actor,
    loaded: LoadedIdea,
    validators: Map<string, { givenName: string; familyName: string }>,
  ) {
    const measurementDto = (x: ImpactMeasurement, canValidate: boolean): MeasurementDto => {
      const v = x.validatedBy ? validators.get(x.validatedBy) : undefined;
      // A validator who is a hidden author of this idea is never named (they are "the network").
      const named = x.validatedBy !== null && v !== undefined && !loaded.hiddenAuthorIds.has(x.validatedBy);
      return {
        id: x.id,
        value: Number(x.value),
        measuredOn: x.measuredOn,
        source: x.source,
        confidence: x.confidence,
        validated: x.validatedBy !== null,
        validatedAt: x.validatedAt?.toISOString() ?? null,
        validatedBy: named ? { id: x.validatedBy!, givenName: v.givenName, familyName: v.familyName } : null,
        recordedByMe: x.recordedBy === actor.personId,
        canValidate: canValidate && x.validatedBy === null && x.recordedBy !== actor.personId,
      };
    };
    return (p: ImplementationProject, i: ImpactIndicator, ms: ImpactMeasurement[], all: boolean): IndicatorDto => {
      const canValidate =
        holdsRole(actor, 'network_member') && this.access.can(actor, 'impact.validate', contextFor(actor, loaded, p));
      const actual = actualMeasurement(toDomainIndicator(i, ms));
      const actualRow = actual
        ? ms.find(
            (x) =>
              x.validatedBy !== null &&
              x.measuredOn === day(actual.measuredOn) &&
              x.confidence === actual.confidence &&
              Number(x.value) === actual.value,
          )
        : undefined;
      return {
        id: i.id,
        projectId: i.projectId,
        category: i.category,
        label: i.label,
        unit: i.unit,
        baseline: i.baseline === null ? null : Number(i.baseline),
        projectedValue: Number(i.projectedValue),
        projectedOn: i.projectedOn,
        version: i.version,
        actual: actualRow ? measurementDto(actualRow, false) : null,
        measurements: ms.filter((x) => all || x.validatedBy !== null).map((x) => measurementDto(x, canValidate)),
      };
    };
  }
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const isString = (v: string | null): v is string => v !== null;
