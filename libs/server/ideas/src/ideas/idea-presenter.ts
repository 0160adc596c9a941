import {
  allowedCommands,
  canEditIdea,
  canSeeAuthor,
  hasRole,
  isSystemActor,
  type IdeaActorContext,
  type IdeaState,
} from '@eclore/domain';
import type { Idea } from '../entities';
import type { Frequency, CaptureChannel, IdeaDto, PersonRefDto } from './ideas.dto';

/** An author or co-author row with the person's name (never the e-mail: no response carries it). */
export interface IdeaAuthorView {
  personId: string;
  role: 'author' | 'co_author';
  status: 'invited' | 'accepted' | 'declined';
  givenName: string;
  familyName: string;
  /**
   * This credit is hidden even on a named idea (`idea_author.anonymous`: it came from an anonymous
   * idea merged into this one). Only the person themself (and the guardian's reveal) sees the row.
   */
  anonymous: boolean;
}

/** Who is looking, as the idea policy sees them, and what the caller knows besides. */
export interface IdeaViewer extends IdeaActorContext {
  /** The viewer holds an unanswered co-author invitation. */
  invited?: boolean;
  /** Set only by the guardian's audited reveal: the one path on which a guardian sees an anonymous author. */
  revealed?: boolean;
  now?: Date;
}

/** What the lifecycle needs to know, read from the row. */
export function toIdeaState(idea: Idea): IdeaState {
  return {
    id: idea.id,
    kind: idea.kind,
    status: idea.status,
    anonymous: idea.anonymous,
    submittedAt: idea.submittedAt,
    publishedAt: idea.publishedAt,
    withdrawnAt: idea.withdrawnAt,
    answer:
      idea.answerText !== null && idea.answerGivenAt !== null
        ? { text: idea.answerText, givenAt: idea.answerGivenAt, publishedAt: idea.answerPublishedAt }
        : null,
    mergedIntoId: idea.mergedIntoId,
    parkedUntil: idea.parkedUntil,
    hiddenAt: idea.hiddenAt,
  };
}

/** Network or committee member whose scope covers the idea (sees unpublished answers and full timelines). */
export function isStaffInScope(viewer: IdeaActorContext): boolean {
  if (isSystemActor(viewer.actor)) return false;
  return (
    hasRole(viewer.actor, 'network_member', viewer.target) || hasRole(viewer.actor, 'committee_member', viewer.target)
  );
}

/**
 * May this viewer see who wrote the idea? The domain's canSeeAuthor, with one narrowing: for an
 * anonymous idea the guardian sees the authors only through the audited reveal (`revealed`), so
 * that every look at an anonymous author leaves a trace.
 */
export function viewerSeesAuthors(idea: Idea, viewer: IdeaViewer): boolean {
  // An invitee of a named draft is told who asks them to co-author it.
  if (!idea.anonymous && viewer.invited === true) return true;
  const state = toIdeaState(idea);
  if (!canSeeAuthor(state, viewer).allowed) return false;
  return !idea.anonymous || viewer.isAuthor || viewer.revealed === true;
}

const viewerIdOf = (viewer: IdeaViewer): string | null => (isSystemActor(viewer.actor) ? null : viewer.actor.personId);

/**
 * May this viewer see this one author row? The idea-level rule first; then a credit kept anonymous
 * by a merge is the person's own business: nobody else sees it, not even the idea's other authors.
 */
export function viewerSeesAuthorRow(idea: Idea, row: IdeaAuthorView, viewer: IdeaViewer): boolean {
  if (row.personId === viewerIdOf(viewer)) return true;
  if (!viewerSeesAuthors(idea, viewer)) return false;
  return !row.anonymous || viewer.revealed === true;
}

/**
 * The person ids whose acts on this idea are hidden from this viewer (shown as "the author"): every
 * author row the viewer may not see and, when the authors are hidden, the capturer who acts for them.
 */
export function hiddenActorIds(idea: Idea, authors: readonly IdeaAuthorView[], viewer: IdeaViewer): Set<string> {
  const hidden = new Set(authors.filter((a) => !viewerSeesAuthorRow(idea, a, viewer)).map((a) => a.personId));
  if (idea.capturedBy && idea.capturedBy !== viewerIdOf(viewer) && !viewerSeesAuthors(idea, viewer))
    hidden.add(idea.capturedBy);
  return hidden;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const ref = (a: { personId: string; givenName: string; familyName: string }): PersonRefDto => ({
  id: a.personId,
  givenName: a.givenName,
  familyName: a.familyName,
});

/**
 * THE one function turning an Idea into its API shape. Every endpoint of the ideas context answers
 * through it, so none can forget the anonymity rule: the authors, co-authors and capturer of an
 * anonymous idea are left out for everyone but the authors themselves (and the guardian's reveal).
 */
export function presentIdea(
  idea: Idea,
  authors: readonly IdeaAuthorView[],
  viewer: IdeaViewer,
  extras: { addressesProblemIds?: readonly string[] } = {},
): IdeaDto {
  const state = toIdeaState(idea);
  const answerVisible =
    state.answer !== null && (state.answer.publishedAt !== null || viewer.isAuthor || isStaffInScope(viewer));
  const now = viewer.now ?? new Date();
  return {
    id: idea.id,
    kind: idea.kind,
    status: idea.status,
    title: idea.title,
    summary: idea.summary,
    bodyHtml: idea.bodyHtml,
    whoSuffers: idea.whoSuffers,
    frequency: idea.frequency as Frequency | null,
    expectedBenefits: idea.expectedBenefits,
    needs: idea.needs,
    orgUnit: idea.orgUnit ? { id: idea.orgUnit.id, name: idea.orgUnit.name } : null,
    themes: [...idea.themes],
    campaignId: idea.campaignId,
    anonymous: idea.anonymous,
    ...presentAuthorship(idea, authors, viewer),
    addressesProblemIds: [...(extras.addressesProblemIds ?? [])],
    submittedAt: iso(idea.submittedAt),
    publishedAt: iso(idea.publishedAt),
    withdrawnAt: iso(idea.withdrawnAt),
    answer:
      answerVisible && state.answer
        ? {
            text: state.answer.text,
            givenAt: state.answer.givenAt.toISOString(),
            publishedAt: iso(state.answer.publishedAt),
          }
        : null,
    supportCount: idea.supportCount,
    commentCount: idea.commentCount,
    followerCount: idea.followerCount,
    createdAt: idea.createdAt.toISOString(),
    updatedAt: idea.updatedAt.toISOString(),
    version: idea.version,
    viewer: {
      isAuthor: viewer.isAuthor,
      invited: viewer.invited === true,
      canEdit: canEditIdea(state, viewer).allowed,
      commands: allowedCommands(state, viewer, now),
    },
  };
}

/** Who wrote and captured the idea, as this viewer may see it: the anonymity rule in one place. */
function presentAuthorship(
  idea: Idea,
  authors: readonly IdeaAuthorView[],
  viewer: IdeaViewer,
): Pick<IdeaDto, 'authorHidden' | 'author' | 'coAuthors' | 'capturedBy' | 'captureChannel'> {
  if (!viewerSeesAuthors(idea, viewer)) {
    return { authorHidden: true, author: null, coAuthors: [], capturedBy: null, captureChannel: null };
  }
  const author = authors.find((a) => a.role === 'author' && viewerSeesAuthorRow(idea, a, viewer));
  const capturer = idea.capturer ?? null;
  return {
    authorHidden: false,
    author: author ? ref(author) : null,
    // Invitations are the authors' business; others see who accepted. A credit kept anonymous by a
    // merge is left out for everyone but its holder (the others are not told that one exists).
    coAuthors: authors
      .filter((a) => a.role === 'co_author' && (a.status === 'accepted' || viewer.isAuthor))
      .filter((a) => viewerSeesAuthorRow(idea, a, viewer))
      .map((a) => ({ ...ref(a), status: a.status })),
    capturedBy: capturer ? { id: capturer.id, givenName: capturer.givenName, familyName: capturer.familyName } : null,
    captureChannel: idea.captureChannel as CaptureChannel | null,
  };
}
