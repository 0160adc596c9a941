import { Injectable } from '@nestjs/common';
import { canClose, DAY_MS, fieldReviewState, hasRole, holdsRole, type Actor } from '@eclore/domain';
import { AccessService, findPeople } from '@eclore/server-identity';
import { hiddenActorIds, IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type {
  FieldReviewDto,
  FieldReviewItemDto,
  FieldReviewListDto,
  FieldReviewSettingsDto,
  IdeaFieldReviewsDto,
} from './field-reviews.dto';
import { FieldReviewsRepository, type FieldReviewRow } from './field-reviews.repository';

const LATE_LIMIT = 200;

/** The return to the field as read: an idea's reviews, the person's reviews to answer, the late list. */
@Injectable()
export class FieldReviewsQueries {
  constructor(
    private readonly repo: FieldReviewsRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
  ) {}

  async ofIdea(actor: Actor, ideaId: string): Promise<IdeaFieldReviewsDto> {
    const m = this.repo.manager;
    const loaded = await this.ideas.loadReadable(m, ideaId, actor);
    this.access.assert(actor, 'realisation.read', { target: loaded.viewer.target });
    const rows = await this.repo.ofIdea(ideaId, m);
    const reviews = await this.present(loaded, rows, actor, new Date());
    return { reviews, closeAllowed: canClose(rows) };
  }

  /** One review as the actor sees it (after answering). */
  async one(actor: Actor, loaded: LoadedIdea, row: FieldReviewRow): Promise<FieldReviewDto> {
    const [dto] = await this.present(loaded, [row], actor, new Date());
    return dto!;
  }

  private async present(
    loaded: LoadedIdea,
    rows: readonly FieldReviewRow[],
    actor: Actor,
    now: Date,
  ): Promise<FieldReviewDto[]> {
    const hidden = hiddenActorIds(loaded.idea, loaded.authors, loaded.viewer);
    const answererIds = [...new Set(rows.map((r) => r.answeredBy).filter((p): p is string => p !== null))];
    const people = new Map((await findPeople(this.repo.manager, answererIds)).map((p) => [p.id, p]));
    return rows.map((r) => {
      const state = fieldReviewState(r, now);
      const person = r.answeredBy ? people.get(r.answeredBy) : undefined;
      const asked = r.ownerId === actor.personId || loaded.viewer.isAuthor;
      return {
        id: r.id,
        ideaId: r.ideaId,
        ordinal: r.ordinal,
        monthsAfterGoLive: r.monthsAfterGoLive,
        dueAt: r.dueAt.toISOString(),
        remindAt: r.remindAt.toISOString(),
        lateAt: r.lateAt.toISOString(),
        state,
        answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
        // An anonymous author's answer is "an author's", never a name (nor their id).
        answeredBy:
          r.answeredBy === null
            ? null
            : hidden.has(r.answeredBy) || !person
              ? { kind: 'author', person: null }
              : {
                  kind: 'person',
                  person: { id: person.id, givenName: person.givenName, familyName: person.familyName },
                },
        whatHappened: r.whatHappened,
        unexpected: r.unexpected,
        whoUsesIt: r.whoUsesIt,
        canAnswer: asked && state !== 'scheduled' && state !== 'answered' && r.ideaStatus === 'follow_up',
      };
    });
  }

  /** The reviews the person is asked to answer now (owner or author), for their home page. */
  async mine(actor: Actor): Promise<FieldReviewListDto> {
    const now = new Date();
    const rows = await this.repo.toAnswerBy(actor.personId, now);
    return { items: rows.map((r) => item(r, now)) };
  }

  /** Late reviews within the network member's (or lead's) scope. */
  async late(actor: Actor): Promise<FieldReviewListDto> {
    const now = new Date();
    const rows = await this.repo.late(now, LATE_LIMIT);
    const covers = (target: { orgUnitPath: string[]; themes: string[] }) =>
      hasRole(actor, 'network_member', target) || hasRole(actor, 'network_lead', target);
    if (!holdsRole(actor, 'network_member') && !holdsRole(actor, 'network_lead')) return { items: [] };
    return {
      items: rows.filter((r) => covers({ orgUnitPath: r.orgUnitPath, themes: r.themes })).map((r) => item(r, now)),
    };
  }

  async settings(): Promise<FieldReviewSettingsDto> {
    const s = await this.repo.settings();
    return {
      monthsAfterGoLive: [...s.monthsAfterGoLive],
      remindAfterDays: s.remindAfterDays,
      lateAfterDays: s.lateAfterDays,
      updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
    };
  }
}

function item(r: FieldReviewRow, now: Date): FieldReviewItemDto {
  return {
    reviewId: r.id,
    ideaId: r.ideaId,
    ideaTitle: r.ideaTitle,
    ordinal: r.ordinal,
    monthsAfterGoLive: r.monthsAfterGoLive,
    dueAt: r.dueAt.toISOString(),
    state: fieldReviewState(r, now),
    daysSinceDue: Math.max(0, Math.floor((now.getTime() - r.dueAt.getTime()) / DAY_MS)),
  };
}
