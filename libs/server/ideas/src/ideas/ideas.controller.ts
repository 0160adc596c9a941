import {
  Body,
  Controller,
  createParamDecorator,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  type ExecutionContext,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  CreateIdeaInput,
  IdeaDto,
  IdParamDto,
  IntakeItemDto,
  InviteCoAuthorInput,
  MyIdeaDto,
  ReasonInput,
  RevealedAuthorDto,
  ThemeDto,
  TimelineDto,
  UpdateIdeaInput,
  VersionInput,
} from './ideas.dto';
import { AuthorReveal } from './author-reveal.service';
import { IdeaDrafting } from './idea-drafting.service';
import { IdeaIntake } from './idea-intake.service';
import { IdeaQueries } from './idea-queries.service';

/** The request id pino-http gave this request, for the audit log. */
const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const id = ctx.switchToHttp().getRequest<{ id?: string | number }>().id;
  return id === undefined ? null : String(id);
});

const NOT_FOUND = 'No such idea, or not one you may read (drafts are private to their authors).';

@ApiTags('ideas')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class IdeasController {
  constructor(
    private readonly drafting: IdeaDrafting,
    private readonly collect: IdeaIntake,
    private readonly queries: IdeaQueries,
    private readonly guardian: AuthorReveal,
  ) {}

  @Post('ideas')
  @RequirePermission('idea.create')
  @ApiOperation({
    operationId: 'createIdea',
    summary: 'Start a draft (a problem or a solution), private to its authors.',
    description:
      'With `onBehalfOf` + `captureChannel`, a network member captures the idea for someone (workshop, paper form): that person is credited as the author.',
  })
  @ApiCreatedResponse({ type: IdeaDto })
  @ApiBadRequestResponse({
    description: 'Field problems (unknown org unit/theme/campaign, a field of the other kind, campaign closed...).',
  })
  @ApiForbiddenResponse({ description: 'Capture on behalf: network members within their scope only.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() input: CreateIdeaInput,
    @RequestId() requestId: string | null,
  ): Promise<IdeaDto> {
    return this.drafting.create(actor, input, requestId);
  }

  @Get('themes')
  @RequirePermission('idea.create')
  @ApiOperation({ operationId: 'listThemes', summary: 'The active themes ideas are filed under (for the pickers).' })
  @ApiOkResponse({ type: [ThemeDto] })
  themes(): Promise<ThemeDto[]> {
    return this.queries.themes();
  }

  @Get('me/ideas')
  @RequirePermission('idea.read_own')
  @ApiOperation({
    operationId: 'listMyIdeas',
    summary: 'My drafts and submissions, ideas I captured, and invitations to co-author.',
  })
  @ApiOkResponse({ type: [MyIdeaDto] })
  mine(@CurrentActor() actor: Actor): Promise<MyIdeaDto[]> {
    return this.queries.mine(actor);
  }

  @Get('ideas/:id')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiOperation({ operationId: 'getIdea', summary: 'One idea as the viewer may see it (anonymous authors hidden).' })
  @ApiOkResponse({ type: IdeaDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<IdeaDto> {
    return this.queries.get(actor, params.id);
  }

  @Patch('ideas/:id')
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({ operationId: 'updateIdea', summary: 'Authors edit a draft or a returned idea.' })
  @ApiOkResponse({ type: IdeaDto })
  @ApiForbiddenResponse({ description: '`not_author`.' })
  @ApiConflictResponse({ description: '`stale_version` (reload), `not_editable` (submitted).' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  update(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: UpdateIdeaInput): Promise<IdeaDto> {
    return this.drafting.update(actor, params.id, input);
  }

  @Get('ideas/:id/timeline')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiOperation({
    operationId: 'getIdeaTimeline',
    summary: 'The idea’s history: public events for readers; every event for its authors and the network in scope.',
  })
  @ApiOkResponse({ type: TimelineDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  timeline(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<TimelineDto> {
    return this.queries.timeline(actor, params.id);
  }

  @Post('ideas/:id/co-authors')
  @HttpCode(200)
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({
    operationId: 'inviteCoAuthor',
    summary: 'Authors invite a colleague to co-author; they count once they accept.',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiConflictResponse({ description: '`already_invited`, `not_editable`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  invite(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: InviteCoAuthorInput,
  ): Promise<IdeaDto> {
    return this.drafting.inviteCoAuthor(actor, params.id, input.personId);
  }

  @Post('ideas/:id/co-authors/me/accept')
  @HttpCode(200)
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({ operationId: 'acceptCoAuthorship', summary: 'Accept an invitation to co-author.' })
  @ApiOkResponse({ type: IdeaDto })
  @ApiNotFoundResponse({ description: '`invitation_not_found`.' })
  async acceptInvitation(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<IdeaDto> {
    return (await this.drafting.answerInvitation(actor, params.id, 'accepted'))!;
  }

  @Post('ideas/:id/co-authors/me/decline')
  @HttpCode(204)
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({ operationId: 'declineCoAuthorship', summary: 'Decline an invitation to co-author.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: '`invitation_not_found`.' })
  async declineInvitation(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    await this.drafting.answerInvitation(actor, params.id, 'declined');
  }

  @Post('ideas/:id/submit')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'submitIdea',
    summary: 'Authors submit to the box (or the campaign); checked against its submission rules.',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiBadRequestResponse({
    description: '`validation_failed` naming each failing field (required, lengths, kind, campaign closed).',
  })
  @ApiConflictResponse({ description: '`transition_not_allowed`, `stale_version`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  submit(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.submit(actor, params.id, input.version);
  }

  @Post('ideas/:id/withdraw')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({ operationId: 'withdrawIdea', summary: 'Authors withdraw their idea.' })
  @ApiOkResponse({ type: IdeaDto })
  @ApiConflictResponse({ description: '`transition_not_allowed`, `stale_version`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  withdraw(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.withdraw(actor, params.id, input.version);
  }

  @Post('ideas/:id/accept')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'acceptIdea',
    summary: 'A network member in scope accepts a submitted idea: published on the wall.',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`transition_not_allowed`, `stale_version`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  accept(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.collect.accept(actor, params.id, input.version);
  }

  @Post('ideas/:id/return')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'returnIdea',
    summary: 'A network member in scope returns a submitted idea to its authors with a reason.',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiBadRequestResponse({ description: '`reason` missing.' })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`transition_not_allowed`, `stale_version`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  returnToAuthors(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: ReasonInput,
  ): Promise<IdeaDto> {
    return this.collect.returnToAuthors(actor, params.id, input.reason, input.version);
  }

  @Post('ideas/:id/reveal-author')
  @HttpCode(200)
  @RequirePermission('idea.reveal_author')
  @ApiOperation({
    operationId: 'revealIdeaAuthor',
    summary:
      'The anonymity guardian reveals who wrote an anonymous idea; every reveal is in the audit log with its reason.',
  })
  @ApiOkResponse({ type: RevealedAuthorDto })
  @ApiForbiddenResponse({ description: 'Anonymity guardian only.' })
  @ApiConflictResponse({ description: '`not_anonymous`.' })
  @ApiNotFoundResponse({ description: 'No such idea.' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: ReasonInput,
    @RequestId() requestId: string | null,
  ): Promise<RevealedAuthorDto> {
    return this.guardian.reveal(actor, params.id, input.reason, requestId);
  }

  @Get('intake')
  @RequirePermission('idea.intake')
  @ApiOperation({
    operationId: 'listIntake',
    summary:
      'The network member’s intake queue: submitted ideas within their scope, oldest first, with how long they have waited.',
  })
  @ApiOkResponse({ type: [IntakeItemDto] })
  @ApiForbiddenResponse({ description: 'Network members only.' })
  intake(@CurrentActor() actor: Actor): Promise<IntakeItemDto[]> {
    return this.collect.queue(actor);
  }
}
