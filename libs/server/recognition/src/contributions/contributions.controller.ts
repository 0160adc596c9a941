import { Get } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { MyContributionsDto } from './contributions.dto';
import { ContributionsService } from './contributions.service';

@ApiController('recognition', 'me')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Get('contributions')
  @Endpoint({
    permission: { action: 'contribution.read_own' },
    operationId: 'listMyContributions',
    summary: 'My contributions: every act of mine recorded in the ledger, with totals by kind.',
    description: 'Includes the caller’s anonymous contributions, which no one else ever sees with their name.',
    ok: MyContributionsDto,
    errors: ['unauthenticated'],
  })
  mine(@CurrentActor() actor: Actor): Promise<MyContributionsDto> {
    return this.contributions.mine(actor);
  }
}
