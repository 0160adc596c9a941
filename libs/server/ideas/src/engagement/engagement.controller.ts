import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import { CommentsService } from './comments.service';
import {
  CommentDto,
  CommentThreadDto,
  CreateCommentDto,
  EngagementDto,
  FollowStateDto,
  IdeaIdParams,
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
  @RequirePermission('idea.read_comments', { objectLevel: true })
  @ApiOperation({
    operationId: 'getIdeaEngagement',
    summary: 'The signed-in person’s support and follow, the counters, and what they may do now.',
  })
  @ApiOkResponse({ type: EngagementDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  state(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<EngagementDto> {
    return this.engagement.state(params.id, actor);
  }

  @Put('support')
  @RequirePermission('idea.support', { objectLevel: true })
  @ApiOperation({
    operationId: 'supportIdea',
    summary: 'Support the idea (“me too”): one per person, idempotent.',
  })
  @ApiOkResponse({ type: SupportStateDto })
  @ApiForbiddenResponse({ description: '`own_idea` (authors do not support their idea), `not_public`.' })
  @ApiConflictResponse({ description: PHASE_CLOSED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  support(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<SupportStateDto> {
    return this.engagement.support(params.id, actor);
  }

  @Delete('support')
  @RequirePermission('idea.support', { objectLevel: true })
  @ApiOperation({
    operationId: 'withdrawIdeaSupport',
    summary: 'Withdraw one’s support (idempotent), while supports are open.',
  })
  @ApiOkResponse({ type: SupportStateDto })
  @ApiConflictResponse({ description: PHASE_CLOSED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  withdrawSupport(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<SupportStateDto> {
    return this.engagement.withdrawSupport(params.id, actor);
  }

  @Put('follow')
  @RequirePermission('idea.follow', { objectLevel: true })
  @ApiOperation({ operationId: 'followIdea', summary: 'Follow the idea’s news (idempotent).' })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  follow(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<FollowStateDto> {
    return this.engagement.follow(params.id, actor);
  }

  @Delete('follow')
  @RequirePermission('idea.follow', { objectLevel: true })
  @ApiOperation({ operationId: 'unfollowIdea', summary: 'Stop following the idea (idempotent).' })
  @ApiOkResponse({ type: FollowStateDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  unfollow(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<FollowStateDto> {
    return this.engagement.unfollow(params.id, actor);
  }

  @Get('comments')
  @RequirePermission('idea.read_comments', { objectLevel: true })
  @ApiOperation({
    operationId: 'listIdeaComments',
    summary: 'The comment threads, oldest first; hidden comments keep their place without their text.',
  })
  @ApiOkResponse({ type: CommentThreadDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  listComments(@Param() params: IdeaIdParams, @CurrentActor() actor: Actor): Promise<CommentThreadDto> {
    return this.comments.list(params.id, actor);
  }

  @Post('comments')
  @RequirePermission('idea.comment', { objectLevel: true })
  @ApiOperation({
    operationId: 'createIdeaComment',
    summary: 'Comment or reply; rich text sanitised; @mentions resolved to active people.',
  })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiBadRequestResponse({ description: '`validation_failed` on `bodyHtml` (empty, too many mentions) or `parentId`.' })
  @ApiConflictResponse({ description: PHASE_CLOSED })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  createComment(
    @Param() params: IdeaIdParams,
    @Body() body: CreateCommentDto,
    @CurrentActor() actor: Actor,
  ): Promise<CommentDto> {
    return this.comments.create(params.id, body, actor);
  }

  @Post('merge')
  @HttpCode(200)
  @RequirePermission('idea.merge', { objectLevel: true })
  @ApiOperation({
    operationId: 'mergeIdea',
    summary: 'Merge this duplicate into another idea (network): supports, followers, comments and credit move.',
  })
  @ApiOkResponse({ type: MergeResultDto })
  @ApiBadRequestResponse({
    description: '`validation_failed` on `targetId` (unknown, itself, draft or ended) or `reason`.',
  })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`.' })
  @ApiConflictResponse({ description: '`transition_not_allowed` from this status.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  merge(
    @Param() params: IdeaIdParams,
    @Body() body: MergeIdeaDto,
    @CurrentActor() actor: Actor,
  ): Promise<MergeResultDto> {
    return this.merges.merge(params.id, body, actor);
  }
}
