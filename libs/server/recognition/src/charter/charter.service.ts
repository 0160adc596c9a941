import { Injectable } from '@nestjs/common';
import { CHARTER_YEAR_MIN, validateCharter, validateCharterInputs, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import type { CharterCommitmentRow, CharterInputRow } from '../entities';
import type {
  CharterCommitmentDto,
  CharterDto,
  CharterInputEntryDto,
  CharterInputsYearDto,
  SetCharterInput,
  SetCharterInputsInput,
} from './charter.dto';
import { CharterRepository, type CharterInputValues, type NewCommitment } from './charter.repository';

/**
 * The charter (docs/recognition.md §4): its commitments, read by whoever reads the annual report and
 * changed by HR and admins with every earlier version kept; HR's yearly inputs, each correction
 * keeping the earlier entry; every change audited.
 */
@Injectable()
export class CharterService {
  constructor(
    private readonly repo: CharterRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async read(actor: Actor): Promise<CharterDto> {
    this.access.assert(actor, 'charter.read');
    return {
      commitments: (await this.repo.current()).map(commitmentDto),
      history: (await this.repo.history()).map(commitmentDto),
    };
  }

  async set(actor: Actor, input: SetCharterInput, requestId: string | null): Promise<CharterDto> {
    this.access.assert(actor, 'charter.manage');
    const wanted = input.commitments.map((c) => ({
      key: c.key,
      title: { fr: c.title?.fr?.trim(), en: c.title?.en?.trim() },
      indicators: c.indicators,
    }));
    const problems = validateCharter(wanted);
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.repo.transaction(async (m) => {
      await this.repo.lockCharter(m);
      const current = await this.repo.current(m);
      const byKey = new Map(current.map((r) => [r.key, r]));
      const next: NewCommitment[] = wanted.map((w, position) => ({
        key: w.key,
        position,
        titleFr: w.title.fr!,
        titleEn: w.title.en!,
        indicators: [...w.indicators],
      }));
      const unchanged = new Set(next.filter((n) => same(byKey.get(n.key), n)).map((n) => n.key));
      const now = new Date();
      // Rows that change or are retired close first, so the new versions can take their keys and places.
      await this.repo.close(
        current.filter((r) => !unchanged.has(r.key)).map((r) => r.id),
        now,
        m,
      );
      await this.repo.insert(
        next.filter((n) => !unchanged.has(n.key)),
        now,
        actor.personId,
        m,
      );
      const keys = new Set(next.map((n) => n.key));
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'charter.changed',
        subjectType: 'charter',
        subjectId: 'charter',
        data: {
          commitments: next.map((n) => n.key),
          added: next.filter((n) => !byKey.has(n.key)).map((n) => n.key),
          retired: current.filter((r) => !keys.has(r.key)).map((r) => r.key),
        },
        requestId,
      });
    });
    return this.read(actor);
  }

  async inputs(actor: Actor, year: number, now = new Date()): Promise<CharterInputsYearDto> {
    this.access.assert(actor, 'charter.read');
    checkYear(year, now);
    return this.present(year, await this.repo.inputsOf(year));
  }

  async setInputs(
    actor: Actor,
    year: number,
    input: SetCharterInputsInput,
    requestId: string | null,
    now = new Date(),
  ): Promise<CharterInputsYearDto> {
    this.access.assert(actor, 'charter.manage');
    const given: Record<string, unknown> = {
      people_trained: input.peopleTrained,
      communication_actions: input.communicationActions,
      celebrations_held: input.celebrationsHeld,
      budget: input.budget,
    };
    const problems = validateCharterInputs(year, given, now).map((p) => ({
      ...p,
      field: FIELD_OF[p.field] ?? p.field,
    }));
    if (problems.length > 0) throw new ValidationFailed(problems);
    const values: CharterInputValues = {
      peopleTrained: input.peopleTrained ?? null,
      communicationActions: input.communicationActions ?? null,
      celebrationsHeld: input.celebrationsHeld ?? null,
      budget: input.budget ?? null,
    };
    await this.repo.transaction(async (m) => {
      await this.repo.replaceInputs(year, values, actor.personId, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'charter.inputs_set',
        subjectType: 'charter_input',
        subjectId: String(year),
        data: { year, ...values },
        requestId,
      });
    });
    return this.present(year, await this.repo.inputsOf(year));
  }

  private present(year: number, rows: CharterInputRow[]): CharterInputsYearDto {
    const entries = rows.map(inputDto);
    return { year, current: entries.find((e) => e.supersededAt === null) ?? null, history: entries };
  }
}

/** The domain names inputs as in the docs (snake_case); the API's fields are camelCase. */
const FIELD_OF: Record<string, string> = {
  people_trained: 'peopleTrained',
  communication_actions: 'communicationActions',
  celebrations_held: 'celebrationsHeld',
  budget: 'budget',
};

function checkYear(year: number, now: Date): void {
  if (year < CHARTER_YEAR_MIN || year > now.getUTCFullYear()) {
    throw new ValidationFailed([
      { field: 'year', code: 'out_of_range', message: `year is from ${CHARTER_YEAR_MIN} to the current year.` },
    ]);
  }
}

function same(row: CharterCommitmentRow | undefined, next: NewCommitment): boolean {
  return (
    row !== undefined &&
    row.position === next.position &&
    row.titleFr === next.titleFr &&
    row.titleEn === next.titleEn &&
    row.indicators.join(',') === next.indicators.join(',')
  );
}

function commitmentDto(r: CharterCommitmentRow): CharterCommitmentDto {
  return {
    key: r.key,
    position: r.position,
    title: { fr: r.titleFr, en: r.titleEn },
    indicators: r.indicators as CharterCommitmentDto['indicators'],
    validFrom: r.validFrom.toISOString(),
    validTo: r.validTo ? r.validTo.toISOString() : null,
  };
}

function inputDto(r: CharterInputRow): CharterInputEntryDto {
  return {
    peopleTrained: r.peopleTrained,
    communicationActions: r.communicationActions,
    celebrationsHeld: r.celebrationsHeld,
    budget: r.budget === null ? null : Number(r.budget).toFixed(2),
    enteredAt: r.enteredAt.toISOString(),
    enteredBy: r.enteredBy,
    supersededAt: r.supersededAt ? r.supersededAt.toISOString() : null,
  };
}
