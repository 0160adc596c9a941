import {
  Body,
  Controller,
  createParamDecorator,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  type ExecutionContext,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
  CreateLinkInput,
  IdeaIdParams,
  IdeaLinkDto,
  LinkedIdeasDto,
  LinkParams,
  SimilarIdeasDto,
  SimilarQuery,
  WallPageDto,
  WallQuery,
} from './wall.dto';
import { IdeaLinks } from './idea-links.service';
import { WallService } from './wall.service';

/** The request id pino-http gave this request, for the audit log. */
const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const id = ctx.switchToHttp().getRequest<{ id?: string | number }>().id;
  return id === undefined ? null : String(id);
});

@ApiTags('wall')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class WallController {
  constructor(
    private readonly wall: WallService,
    private readonly ideaLinks: IdeaLinks,
  ) {}

  @Get('wall')
  // Only public ideas are listed: any signed-in person may read every one of them.
  @RequirePermission('idea.read')
  @ApiOperation({
    operationId: 'listWall',
    summary:
      'The wall: public ideas, full-text search (French/English, accents ignored), filters, sorts, keyset pages.',
    description:
      'Sorts: newest (publication), most_supported, trending (supports of the last 14 days weighted by recency; snapshot refreshed every 5 minutes), relevance (default with q; ranks the matches of the most recent 30/90/365-day window holding 100 of them, then older matches newest first). Pages are shared by every viewer for up to WALL_CACHE_SECONDS (counters may lag by that much). No author is ever shown on the wall.',
  })
  @ApiOkResponse({ type: WallPageDto })
  @ApiBadRequestResponse({ description: 'A bad or unknown filter value, sort or cursor; the field is named.' })
  list(@Query() query: WallQuery): Promise<WallPageDto> {
    return this.wall.page(query);
  }

  @Get('ideas/similar')
  @RequirePermission('idea.read')
  @ApiOperation({
    operationId: 'listSimilarIdeas',
    summary: 'Up to 5 public ideas similar to a title (and summary) being typed, most similar first.',
  })
  @ApiOkResponse({ type: SimilarIdeasDto })
  @ApiBadRequestResponse({ description: 'Title too short or too long; the field is named.' })
  similar(@Query() query: SimilarQuery): Promise<SimilarIdeasDto> {
    return this.wall.similar(query);
  }

  @Get('ideas/:id/links')
  @RequirePermission('idea.read', { objectLevel: true })
  @ApiOperation({
    operationId: 'listIdeaLinks',
    summary: 'Public ideas linked to this one (similar, addresses), either way.',
  })
  @ApiOkResponse({ type: LinkedIdeasDto })
  @ApiNotFoundResponse({ description: '`idea_not_found` (or not one you may read)' })
  links(@CurrentActor() actor: Actor, @Param() params: IdeaIdParams): Promise<LinkedIdeasDto> {
    return this.ideaLinks.linked(actor, params.id);
  }

  @Post('ideas/:id/links')
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({
    operationId: 'linkIdea',
    summary: 'Links this idea to a public one: similar, or (a solution) addresses (a problem). Authors or the network.',
    description: 'Linking never changes either idea’s stage. Linking twice is harmless (the link is returned).',
  })
  @ApiCreatedResponse({ type: IdeaLinkDto })
  @ApiBadRequestResponse({
    description:
      '`toId` unknown, not on the wall or the idea itself; `kind` addresses from a non-solution or to a non-problem.',
  })
  @ApiForbiddenResponse({ description: '`not_author_or_network`' })
  @ApiNotFoundResponse({ description: '`idea_not_found`' })
  link(
    @CurrentActor() actor: Actor,
    @Param() params: IdeaIdParams,
    @Body() input: CreateLinkInput,
    @RequestId() requestId: string | null,
  ): Promise<IdeaLinkDto> {
    return this.ideaLinks.link(actor, params.id, input, requestId);
  }

  @Delete('ideas/:id/links/:kind/:toId')
  @HttpCode(204)
  @RequirePermission('idea.edit', { objectLevel: true })
  @ApiOperation({ operationId: 'unlinkIdea', summary: 'Removes a link (authors of this idea or the network).' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: '`not_author_or_network`' })
  @ApiNotFoundResponse({ description: '`idea_not_found` or `idea_link_not_found`' })
  async unlink(
    @CurrentActor() actor: Actor,
    @Param() params: LinkParams,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    await this.ideaLinks.unlink(actor, params.id, params.kind, params.toId, requestId);
  }
}
