import { Body, Get, Post } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import {
  DecidedContributionClaimDto,
  MyContributionClaimDto,
  PendingContributionClaimDto,
  RefuseContributionClaimDto,
  RequestContributionClaimDto,
} from './claims.dto';
import { ClaimsService } from './claims.service';

/** The person's side: ask to be named on one's anonymous contributions to an idea, and follow the claims. */
@ApiController('recognition', 'me/contribution-claims', 'contribution.claim')
export class MyClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @Endpoint({
    operationId: 'requestContributionClaim',
    summary: 'Ask the anonymity guardian to name me on all my anonymous contributions to an idea.',
    description:
      'Covers every anonymous entry of mine on the idea at once (docs/recognition.md §1). Audited on the idea, ' +
      'under my pseudonym while the idea is anonymous.',
    ok: MyContributionClaimDto,
    status: 201,
    errors: ['validation_failed', 'unauthenticated', 'nothing_to_claim', 'claim_pending'],
    errorText: {
      400: '`ideaId` is not a uuid.',
      409: '`nothing_to_claim`: no anonymous contribution of mine left on that idea; `claim_pending`: one is waiting.',
    },
  })
  request(@Call() call: Call, @Body() input: RequestContributionClaimDto): Promise<MyContributionClaimDto> {
    return this.claims.request(call.actor, input.ideaId, call.requestId);
  }

  @Get()
  @Endpoint({
    operationId: 'listMyContributionClaims',
    summary: 'My claims to be named on my anonymous contributions, most recent first.',
    ok: [MyContributionClaimDto],
    errors: ['unauthenticated'],
  })
  mine(@CurrentActor() actor: Actor): Promise<MyContributionClaimDto[]> {
    return this.claims.mine(actor);
  }
}

/** The anonymity guardian's side: pending claims (without who claims), granted or refused. */
@ApiController('recognition', 'contribution-claims', 'contribution.decide_claim')
export class GuardianClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @Endpoint({
    operationId: 'listPendingContributionClaims',
    summary: 'The claims waiting for the anonymity guardian: the idea and the kinds of entries, never the person.',
    ok: [PendingContributionClaimDto],
    errors: ['unauthenticated', 'role_required'],
  })
  pending(@CurrentActor() actor: Actor): Promise<PendingContributionClaimDto[]> {
    return this.claims.pending(actor);
  }

  @Post(':id/grant')
  @Endpoint({
    operationId: 'grantContributionClaim',
    summary: 'Grant a claim: the claimant’s anonymous entries on the idea are named from now on (audited).',
    ok: DecidedContributionClaimDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'contribution_claim_not_found', 'claim_decided'],
  })
  grant(@CallOn() call: CallOn): Promise<DecidedContributionClaimDto> {
    return this.claims.grant(call.actor, call.id, call.requestId);
  }

  @Post(':id/refuse')
  @Endpoint({
    operationId: 'refuseContributionClaim',
    summary: 'Refuse a claim, saying why (told to the claimant, audited); their entries stay anonymous.',
    ok: DecidedContributionClaimDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'contribution_claim_not_found', 'claim_decided'],
    errorText: { 400: '`reason` missing, blank or over 1000 characters; `id` not a uuid.' },
  })
  refuse(@CallOn() call: CallOn, @Body() input: RefuseContributionClaimDto): Promise<DecidedContributionClaimDto> {
    return this.claims.refuse(call.actor, call.id, input.reason, call.requestId);
  }
}
