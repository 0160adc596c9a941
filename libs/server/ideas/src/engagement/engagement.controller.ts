import { Body, Controller, Delete, Get, Param, Post, Put, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Action, Actor, ErrorCode } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { Endpoint } from '@eclore/server-platform';
import { CommentsService } from './comments.service';
import {
  CommentDto,
  CommentParamsDto,
  CommentThreadDto,
  CreateCommentDto,
  EngagementDto,
  FollowStateDto,
  MergeIdeaDto,
  MergeResultDto,
  SupportStateDto,
} from './engagement.dto';
import { EngagementService } from './engagement.service';
import { MergeService } from './merge.service';

const NOT_FOUND = '`idea_not_found`: no such idea, or not one you may read.';

/** What a route adds to the refusals every route on an idea can answer (404, idea unreadable). */
interface Refusals {
  status?: 201;
  errors?: readonly ErrorCode[];
  errorText?: Readonly<Partial<Record<number, string>>>;
}

/** The campaign phase or the idea's end closes supports and comments: 409. */
const PHASE_CLOSED = {
  errors: ['supports_closed', 'comments_closed', 'idea_ended'],
  errorText: { 409: '`supports_closed`, `comments_closed` (campaign phase) or `idea_ended`.' },
} as const satisfies Refusals;

/** Marking a comment adopted: the authors only, on a visible comment someone else wrote. */
const ADOPTION_REFUSALS = {
  errors: ['validation_failed', 'not_author', 'own_comment', 'author_comment', 'comment_not_found', 'comment_hidden'],
  errorText: {
    400: '`validation_failed` on `id` or `commentId` (not a uuid).',
    403: '`not_author` (only the idea’s authors), `own_comment`, `author_comment` (a fellow author’s comment).',
    404: '`comment_not_found`: no such comment on this idea.',
    409: '`comment_hidden`: hidden by moderation.',
  },
} as const satisfies Refusals;

/** A route on one idea: the idea policy decides in the service (object level); an unreadable idea is absent. */
function OnIdea(
  action: Action,
  operationId: string,
  summary: string,
  ok: Type<unknown>,
  refusals: Refusals = {},
): MethodDecorator {
  return Endpoint({
    permission: { action, objectLevel: true },
    operationId,
    summary,
    ok,
    ...(refusals.status ? { status: refusals.status } : {}),
    errors: [...(refusals.errors ?? []), 'idea_not_found'],
    errorText: {
      ...refusals.errorText,
      404: refusals.errorText?.[404] ? `${NOT_FOUND} ${refusals.errorText[404]}` : NOT_FOUND,
    },
  });
}

/** Object-level routes: the guard requires a signed-in person; the idea policy decides in the service. */
@ApiTags('ideas')
@Controller('ideas/:id')
export class EngagementController {
  constructor(
    private readonly engagement: EngagementService,
    private readonly comments: CommentsService,
    private readonly merges: MergeService,
  ) {}

  @Get('engagement')
  @OnIdea(
    'idea.read_comments',
    'getIdeaEngagement',
    'The signed-in person’s support and follow, the counters, and what they may do now.',
    EngagementDto,
  )
  state(@CallOn() call: CallOn): Promise<EngagementDto> {
    return this.engagement.state(call.id, call.actor);
  }

  @Put('support')
  @OnIdea('idea.support', 'supportIdea', 'Support the idea (“me too”): one per person, idempotent.', SupportStateDto, {
    errors: ['own_idea', 'not_public', ...PHASE_CLOSED.errors],
    errorText: { 403: '`own_idea` (authors do not support their idea), `not_public`.', ...PHASE_CLOSED.errorText },
  })
  support(@CallOn() call: CallOn): Promise<SupportStateDto> {
    return this.engagement.support(call.id, call.actor);
  }

  @Delete('support')
  @OnIdea(
    'idea.support',
    'withdrawIdeaSupport',
    'Withdraw one’s support (idempotent), while supports are open.',
    SupportStateDto,
    { errors: [...PHASE_CLOSED.errors], errorText: { ...PHASE_CLOSED.errorText } },
  )
  withdrawSupport(@CallOn() call: CallOn): Promise<SupportStateDto> {
    return this.engagement.withdrawSupport(call.id, call.actor);
  }

  @Put('follow')
  @OnIdea('idea.follow', 'followIdea', 'Follow the idea’s news (idempotent).', FollowStateDto)
  follow(@CallOn() call: CallOn): Promise<FollowStateDto> {
    return this.engagement.follow(call.id, call.actor);
  }

  @Delete('follow')
  @OnIdea('idea.follow', 'unfollowIdea', 'Stop following the idea (idempotent).', FollowStateDto)
  unfollow(@CallOn() call: CallOn): Promise<FollowStateDto> {
    return this.engagement.unfollow(call.id, call.actor);
  }

  @Get('comments')
  @OnIdea(
    'idea.read_comments',
    'listIdeaComments',
    'The comment threads, oldest first; hidden comments keep their place without their text.',
    CommentThreadDto,
  )
  listComments(@CallOn() call: CallOn): Promise<CommentThreadDto> {
    return this.comments.list(call.id, call.actor);
  }

  @Post('comments')
  @OnIdea(
    'idea.comment',
    'createIdeaComment',
    'Comment or reply; rich text sanitised; @mentions resolved to active people.',
    CommentDto,
    {
      status: 201,
      errors: ['validation_failed', ...PHASE_CLOSED.errors],
      errorText: {
        400: '`validation_failed` on `bodyHtml` (empty, too many mentions) or `parentId`.',
        ...PHASE_CLOSED.errorText,
      },
    },
  )
  createComment(@CallOn() call: CallOn, @Body() body: CreateCommentDto): Promise<CommentDto> {
    return this.comments.create(call.id, body, call.actor);
  }

  @Put('comments/:commentId/adoption')
  @OnIdea(
    'comment.adopt',
    'adoptIdeaComment',
    'The idea’s authors mark a comment adopted (retenu): its writer is credited once and told (idempotent).',
    CommentDto,
    ADOPTION_REFUSALS,
  )
  adoptComment(@Param() params: CommentParamsDto, @CurrentActor() actor: Actor): Promise<CommentDto> {
    return this.comments.setAdoption(params.id, params.commentId, true, actor);
  }

  @Delete('comments/:commentId/adoption')
  @OnIdea(
    'comment.adopt',
    'withdrawIdeaCommentAdoption',
    'The idea’s authors withdraw the adopted mark (idempotent); the writer’s credit stays recorded.',
    CommentDto,
    ADOPTION_REFUSALS,
  )
  withdrawCommentAdoption(@Param() params: CommentParamsDto, @CurrentActor() actor: Actor): Promise<CommentDto> {
    return this.comments.setAdoption(params.id, params.commentId, false, actor);
  }

  @Post('merge')
  @OnIdea(
    'idea.merge',
    'mergeIdea',
    'Merge this duplicate into another idea (network): supports, followers, comments and credit move.',
    MergeResultDto,
    {
      errors: ['validation_failed', 'role_required', 'out_of_scope', 'transition_not_allowed'],
      errorText: {
        400: '`validation_failed` on `targetId` (unknown, itself, draft or ended) or `reason`.',
        403: '`role_required` or `out_of_scope`.',
        409: '`transition_not_allowed` from this status.',
      },
    },
  )
  merge(@CallOn() call: CallOn, @Body() body: MergeIdeaDto): Promise<MergeResultDto> {
    return this.merges.merge(call.id, body, call.actor);
  }
}
