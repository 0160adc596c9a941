import { Get, Query } from '@nestjs/common';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { SimilarIdeasDto, SimilarQuery } from '../wall/wall.dto';
import { IdeaQueries } from './idea-queries.service';

/**
 * Similar public ideas while a title is typed. `ideas/similar` would also match `ideas/:id` (Express 5
 * paths take no pattern), so IdeasCoreModule lists this controller before IdeasController; the route
 * order test (apps/api/src/access/route-order.spec.ts) fails if any route is shadowed.
 */
@ApiController('wall', 'ideas/similar')
export class SimilarIdeasController {
  constructor(private readonly queries: IdeaQueries) {}

  @Get()
  @Endpoint({
    permission: 'idea.read',
    operationId: 'listSimilarIdeas',
    summary: 'Up to 5 public ideas similar to a title (and summary) being typed, most similar first.',
    ok: SimilarIdeasDto,
    errors: ['validation_failed'],
    errorText: { 400: 'Title too short or too long; the field is named.' },
  })
  similar(@Query() query: SimilarQuery): Promise<SimilarIdeasDto> {
    return this.queries.similar(query);
  }
}
