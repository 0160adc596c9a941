import { Get } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { IdeaIntake } from './idea-intake.service';
import { IdeaQueries } from './idea-queries.service';
import { IntakeItemDto, MyIdeaDto, ThemeDto } from './ideas.dto';

/** The themes ideas are filed under. */
@ApiController('ideas', 'themes')
export class ThemesController {
  constructor(private readonly queries: IdeaQueries) {}

  @Get()
  @Endpoint({
    permission: 'idea.create',
    operationId: 'listThemes',
    summary: 'The active themes ideas are filed under (for the pickers).',
    ok: [ThemeDto],
  })
  themes(): Promise<ThemeDto[]> {
    return this.queries.themes();
  }
}

/** The signed-in person's own ideas. */
@ApiController('ideas', 'me/ideas')
export class MyIdeasController {
  constructor(private readonly queries: IdeaQueries) {}

  @Get()
  @Endpoint({
    permission: 'idea.read_own',
    operationId: 'listMyIdeas',
    summary: 'My drafts and submissions, ideas I captured, and invitations to co-author.',
    ok: [MyIdeaDto],
  })
  mine(@CurrentActor() actor: Actor): Promise<MyIdeaDto[]> {
    return this.queries.mine(actor);
  }
}

/** The network's intake queue. */
@ApiController('ideas', 'intake')
export class IntakeController {
  constructor(private readonly collect: IdeaIntake) {}

  @Get()
  @Endpoint({
    permission: 'idea.intake',
    operationId: 'listIntake',
    summary:
      'The network member’s intake queue: submitted ideas within their scope, oldest first, with how long they have waited.',
    ok: [IntakeItemDto],
    errors: ['forbidden'],
    errorText: {
      403: 'Network members only.',
    },
  })
  intake(@CurrentActor() actor: Actor): Promise<IntakeItemDto[]> {
    return this.collect.queue(actor);
  }
}
