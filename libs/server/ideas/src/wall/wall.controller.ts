import { Body, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { Call, CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import { CreateLinkInput, IdeaLinkDto, LinkedIdeasDto, LinkParams, WallPageDto, WallQuery } from './wall.dto';
import { IdeaLinks } from './idea-links.service';
import { WallService } from './wall.service';

// Links are edited on their idea (its authors or the network).
const EDIT_LINK: EndpointPreset = {
  permission: { action: 'idea.edit', objectLevel: true },
  errors: ['not_author_or_network', 'idea_not_found'],
};

/** The wall: public ideas, searched, filtered and sorted. */
@ApiController('wall', 'wall')
export class WallController {
  constructor(private readonly wall: WallService) {}

  @Get()
  @Endpoint({
    permission: 'idea.read',
    operationId: 'listWall',
    summary:
      'The wall: public ideas, full-text search (French/English, accents ignored), filters, sorts, keyset pages.',
    description:
      'Sorts: newest (publication), most_supported, trending (supports of the last 14 days weighted by recency; snapshot refreshed every 5 minutes), relevance (default with q; ranks the matches of the most recent 30/90/365-day window holding 100 of them, then older matches newest first). Pages are shared by every viewer for up to WALL_CACHE_SECONDS (counters may lag by that much). No author is ever shown on the wall.',
    ok: WallPageDto,
    errors: ['validation_failed'],
    errorText: { 400: 'A bad or unknown filter value, sort or cursor; the field is named.' },
  })
  list(@Query() query: WallQuery): Promise<WallPageDto> {
    return this.wall.page(query);
  }
}

/** Links between ideas. */
@ApiController('wall', 'ideas/:id/links')
export class IdeaLinksController {
  constructor(private readonly ideaLinks: IdeaLinks) {}

  @Get()
  @Endpoint({
    permission: { action: 'idea.read', objectLevel: true },
    operationId: 'listIdeaLinks',
    summary: 'Public ideas linked to this one (similar, addresses), either way.',
    ok: LinkedIdeasDto,
    errors: ['idea_not_found'],
    errorText: {
      404: '`idea_not_found` (or not one you may read)',
    },
  })
  links(@CallOn() call: CallOn): Promise<LinkedIdeasDto> {
    return this.ideaLinks.linked(call.actor, call.id);
  }

  @Post()
  @Endpoint(EDIT_LINK, {
    operationId: 'linkIdea',
    summary: 'Links this idea to a public one: similar, or (a solution) addresses (a problem). Authors or the network.',
    description: 'Linking never changes either idea’s stage. Linking twice is harmless (the link is returned).',
    ok: IdeaLinkDto,
    status: 201,
    errors: ['validation_failed'],
    errorText: {
      400: '`toId` unknown, not on the wall or the idea itself; `kind` addresses from a non-solution or to a non-problem.',
    },
  })
  link(@CallOn() call: CallOn, @Body() input: CreateLinkInput): Promise<IdeaLinkDto> {
    return this.ideaLinks.link(call.actor, call.id, input, call.requestId);
  }

  @Delete(':kind/:toId')
  @Endpoint(EDIT_LINK, {
    operationId: 'unlinkIdea',
    summary: 'Removes a link (authors of this idea or the network).',
    ok: 'noContent',
    errors: ['idea_link_not_found'],
    errorText: { 404: '`idea_not_found` or `idea_link_not_found`' },
  })
  async unlink(@Call() call: Call, @Param() params: LinkParams): Promise<void> {
    await this.ideaLinks.unlink(call.actor, params.id, params.kind, params.toId, call.requestId);
  }
}
