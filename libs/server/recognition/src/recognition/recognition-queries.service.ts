import { Injectable } from '@nestjs/common';
import {
  Conflict,
  Forbidden,
  hasRole,
  isLocale,
  isShownPublicly,
  mayIssueCertificate,
  NotFound,
  type Actor,
  type RecognitionStatus,
} from '@eclore/domain';
import { AccessService, findOrgUnit, findPeople, findPerson } from '@eclore/server-identity';
import { IdeaAccess, ideaScopeTarget } from '@eclore/server-ideas';
import { AppConfig, cursorField, defineCursor } from '@eclore/server-platform';
import { certificateFilename, renderCertificate } from './certificate';
import { presentForRecogniser, presentMine } from './recognition-presenter';
import type {
  MyRecognitionDto,
  PublicRecognitionDto,
  RecognitionPageDto,
  RecognitionSettingsDto,
} from './recognition.dto';
import { RecognitionRepository, type RecogniserScope } from './recognition.repository';

const PAGE_DEFAULT = 25;

/** The recognisers' list: opening time (as PostgreSQL prints it) and id, oldest first. */
const recognitionCursor = defineCursor({ openedAt: cursorField.pgTimestamp, id: cursorField.uuid });

/** The organisation's language, for a person who chose none. */
const DEFAULT_LOCALE = 'fr';

/** Where a recogniser looks: HR and admins everywhere; a network lead within their scopes. */
export function recogniserScope(actor: Actor): RecogniserScope {
  if (hasRole(actor, 'hr') || hasRole(actor, 'admin')) return { everywhere: true, units: [], themes: [] };
  const scopes = actor.assignments.filter((a) => a.role === 'network_lead').map((a) => a.scope);
  return {
    everywhere: scopes.some((s) => s.kind === 'organisation'),
    units: scopes.flatMap((s) => (s.kind === 'org_unit' ? [s.orgUnitId] : [])),
    themes: scopes.flatMap((s) => (s.kind === 'theme' ? [s.theme] : [])),
  };
}

/** The recognition workflow's reads: the recognisers' list, the person's own, the settings, the certificate. */
@Injectable()
export class RecognitionQueries {
  constructor(
    private readonly repo: RecognitionRepository,
    private readonly access: AccessService,
    private readonly config: AppConfig,
    private readonly ideas: IdeaAccess,
  ) {}

  async list(
    actor: Actor,
    query: { status?: RecognitionStatus; cursor?: string; limit?: number },
  ): Promise<RecognitionPageDto> {
    this.access.assert(actor, 'recognition.manage');
    const limit = query.limit ?? PAGE_DEFAULT;
    const after = query.cursor ? recognitionCursor.decode(query.cursor) : null;
    const m = this.repo.manager;
    const rows = await this.repo.page(
      { scope: recogniserScope(actor), status: query.status ?? null },
      after,
      limit + 1,
      m,
    );
    const page = rows.slice(0, limit);
    // Only the named people are looked up: a hidden author's person row is never read for this list.
    const people = new Map(
      (
        await findPeople(
          m,
          page.filter((r) => !r.hidden).map((r) => r.personId),
        )
      ).map((p) => [p.id, p]),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => presentForRecogniser(r, people)),
      nextCursor:
        rows.length > limit && last ? recognitionCursor.encode({ openedAt: last.openedKey, id: last.id }) : null,
    };
  }

  async mine(actor: Actor): Promise<MyRecognitionDto[]> {
    this.access.assert(actor, 'recognition.read_own');
    return (await this.repo.mine(actor.personId)).map(presentMine);
  }

  /**
   * The idea's public recognitions, for whoever may read the idea (else 404, as the idea): a
   * declined, private or anonymous author's recognition never appears (isShownPublicly).
   */
  async publicOf(actor: Actor, ideaId: string): Promise<PublicRecognitionDto[]> {
    this.access.assert(actor, 'recognition.read_public');
    const m = this.repo.manager;
    await this.ideas.loadReadable(m, ideaId, actor);
    const rows = (await this.repo.publicOf(ideaId, m)).filter((r) => isShownPublicly(r) && !r.hidden);
    const people = new Map(
      (
        await findPeople(
          m,
          rows.map((r) => r.personId),
        )
      ).map((p) => [p.id, p]),
    );
    return rows.flatMap((r) => {
      const person = people.get(r.personId);
      if (!person || !r.form || r.recordedAt === null) return [];
      return [
        {
          id: r.id,
          person: { id: person.id, givenName: person.givenName, familyName: person.familyName },
          milestone: r.milestone,
          form: r.form,
          message: r.message ?? '',
          recordedAt: r.recordedAt.toISOString(),
        },
      ];
    });
  }

  async settings(actor: Actor): Promise<RecognitionSettingsDto> {
    this.access.assert(actor, 'recognition.settings');
    const s = await this.repo.settings();
    return { milestones: [...s.milestones], updatedAt: s.updatedAt?.toISOString() ?? null };
  }

  /**
   * The certificate of a recorded recognition, in the person's language, for the person and the
   * recognisers in scope. An anonymous author's certificate names them: it is theirs alone.
   */
  async certificate(actor: Actor, id: string): Promise<{ filename: string; content: Buffer }> {
    const m = this.repo.manager;
    const row = await this.repo.find(id, m);
    if (!row) throw new NotFound('recognition', id);
    const target = (await ideaScopeTarget(m, row.ideaId)) ?? { orgUnitPath: [], themes: [] };
    const isRecognised = row.personId === actor.personId;
    this.access.assert(actor, 'recognition.certificate', { target, isRecognised });
    if (row.hidden && !isRecognised) throw new Forbidden('not_the_person', 'Only the person recognised may do this.');
    if (!mayIssueCertificate(row)) {
      throw new Conflict('recognition_not_recorded', 'A certificate exists for a recorded recognition only.');
    }
    const person = await findPerson(m, row.personId);
    if (!person) throw new NotFound('recognition', id);
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const recordedAt = row.recordedAt ?? row.openedAt;
    return {
      filename: certificateFilename(locale, recordedAt),
      content: await renderCertificate({
        locale,
        organisation: await this.organisationOf(person.orgUnitId, target.orgUnitPath),
        unit: await this.topUnitOf(person.orgUnitId, target.orgUnitPath),
        person: `${person.givenName} ${person.familyName}`,
        ideaTitle: row.ideaTitle,
        form: row.form!,
        milestone: row.milestone,
        message: row.message ?? '',
        recordedAt,
      }),
    };
  }

  /** The organisation's name (ORGANISATION_NAME), else the top unit the person (else the idea) is in. */
  private async organisationOf(personUnitId: string | null, ideaPath: readonly string[]): Promise<string> {
    return this.config.ORGANISATION_NAME ?? (await this.topUnitOf(personUnitId, ideaPath)) ?? 'Éclore';
  }

  /** The top unit of the directory the person (else the idea) belongs to: their direction. */
  private async topUnitOf(personUnitId: string | null, ideaPath: readonly string[]): Promise<string | null> {
    const m = this.repo.manager;
    const unit = personUnitId ? await findOrgUnit(m, personUnitId) : null;
    const rootId = unit?.path[0] ?? ideaPath[0];
    const root = rootId ? await findOrgUnit(m, rootId) : null;
    return root?.name ?? null;
  }
}
