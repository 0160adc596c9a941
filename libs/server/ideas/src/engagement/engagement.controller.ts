import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { Endpoint, IdParamDto } from '@eclore/server-platform';
import { CommentsService } from './comments.service';
import {
  CommentDto,
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
const PHASE_CLOSED = '`supports_closed`, `comments_closed` (campaign phase) or `idea_ended`.';

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
  @Endpoint({
    permission: { action: 'idea.read_comments', objectLevel: true },
    operationId: 'getIdeaEngagement',
    summary: 'The signed-in person’s support and follow, the counters, and what they may do now.',
    ok: EngagementDto,
    errors: ['idea_not_found'],
    errorText: {
      404: NOT_FOUND,
    },
  })
  state(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<EngagementDto> {
    return this.engagement.state(params.id, actor);
  }

  @Put('support')
  @Endpoint({
    permission: { action: 'idea.support', objectLevel: true },
    operationId: 'supportIdea',
    summary: 'Support the idea (“me too”): one per person, idempotent.',
    ok: SupportStateDto,
    errors: ['own_idea', 'not_public', 'supports_closed', 'comments_closed', 'idea_ended', 'idea_not_found'],
    errorText: {
      403: '`own_idea` (authors do not support their idea), `not_public`.',
      409: PHASE_CLOSED,
      404: NOT_FOUND,
    },
  })
  support(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<SupportStateDto> {
    return this.engagement.support(params.id, actor);
  }

  @Delete('support')
  @Endpoint({
    permission: { action: 'idea.support', objectLevel: true },
    operationId: 'withdrawIdeaSupport',
    summary: 'Withdraw one’s support (idempotent), while supports are open.',
    ok: SupportStateDto,
    errors: ['supports_closed', 'comments_closed', 'idea_ended', 'idea_not_found'],
    errorText: {
      409: PHASE_CLOSED,
      404: NOT_FOUND,
    },
  })
  withdrawSupport(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<SupportStateDto> {
    return this.engagement.withdrawSupport(params.id, actor);
  }

  @Put('follow')
  @Endpoint({
    permission: { action: 'idea.follow', objectLevel: true },
    operationId: 'followIdea',
    summary: 'Follow the idea’s news (idempotent).',
    ok: FollowStateDto,
    errors: ['idea_not_found'],
    errorText: {
      404: NOT_FOUND,
    },
  })
  follow(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<FollowStateDto> {
    return this.engagement.follow(params.id, actor);
  }

  @Delete('follow')
  @Endpoint({
    permission: { action: 'idea.follow', objectLevel: true },
    operationId: 'unfollowIdea',
    summary: 'Stop following the idea (idempotent).',
    ok: FollowStateDto,
    errors: ['idea_not_found'],
    errorText: {
      404: NOT_FOUND,
    },
  })
  unfollow(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<FollowStateDto> {
    return this.engagement.unfollow(params.id, actor);
  }

  @Get('comments')
  @Endpoint({
    permission: { action: 'idea.read_comments', objectLevel: true },
    operationId: 'listIdeaComments',
    summary: 'The comment threads, oldest first; hidden comments keep their place without their text.',
    ok: CommentThreadDto,
    errors: ['idea_not_found'],
    errorText: {
      404: NOT_FOUND,
    },
  })
  listComments(@Param() params: IdParamDto, @CurrentActor() actor: Actor): Promise<CommentThreadDto> {
    return this.comments.list(params.id, actor);
  }

  @Post('comments')
  @Endpoint({
    permission: { action: 'idea.comment', objectLevel: true },
    operationId: 'createIdeaComment',
    summary: 'Comment or reply; rich text sanitised; @mentions resolved to active people.',
    ok: CommentDto,
    status: 201,
    errors: ['validation_failed', 'supports_closed', 'comments_closed', 'idea_ended', 'idea_not_found'],
    errorText: {
      400: '`validation_failed` on `bodyHtml` (empty, too many mentions) or `parentId`.',
      409: PHASE_CLOSED,
      404: NOT_FOUND,
    },
  })
  createComment(
    @Param() params: IdParamDto,
    @Body() body: CreateCommentDto,
    @CurrentActor() actor: Actor,
  ): Promise<CommentDto> {
    return this.comments.create(params.id, body, actor);
  }

  @Post('merge')
  @Endpoint({
    permission: { action: 'idea.merge', objectLevel: true },
    operationId: 'mergeIdea',
    summary: 'Merge this duplicate into another idea (network): supports, followers, comments and credit move.',
    ok: MergeResultDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'transition_not_allowed', 'idea_not_found'],
    errorText: {
      400: '`validation_failed` on `targetId` (unknown, itself, draft or ended) or `reason`.',
      403: '`role_required` or `out_of_scope`.',
      409: '`transition_not_allowed` from this status.',
      404: NOT_FOUND,
    },
  })
  merge(
    @Param() params: IdParamDto,
    @Body() body: MergeIdeaDto,
    @CurrentActor() actor: Actor,
  ): Promise<MergeResultDto> {
    return this.merges.merge(params.id, body, actor);
  }
}
