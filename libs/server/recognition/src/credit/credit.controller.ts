import { Body, Get, Put } from '@nestjs/common';
import { CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { CreditSharesDto, SetCreditSharesDto } from './credit.dto';
import { CreditService } from './credit.service';

@ApiController('recognition', 'ideas')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get(':id/credit-shares')
  @Endpoint({
    permission: { action: 'credit.read', objectLevel: true },
    operationId: 'getIdeaCreditShares',
    summary: 'The idea’s credit shares: the groups’ percents and each credited person’s share.',
    ok: CreditSharesDto,
    errors: ['validation_failed', 'unauthenticated', 'idea_not_found'],
  })
  read(@CallOn() call: CallOn): Promise<CreditSharesDto> {
    return this.credit.read(call.actor, call.id);
  }

  @Put(':id/credit-shares')
  @Endpoint({
    permission: { action: 'credit.manage', objectLevel: true },
    operationId: 'setIdeaCreditShares',
    summary: 'Change the idea’s credit shares (network in scope), with a reason kept in the audit log.',
    ok: CreditSharesDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'out_of_scope', 'idea_not_found'],
    errorText: {
      400: 'A share not a whole percent 0–100 (`authors`, `team`, `network`), shares not summing to 100, `reason` missing or too long.',
    },
  })
  set(@CallOn() call: CallOn, @Body() input: SetCreditSharesDto): Promise<CreditSharesDto> {
    return this.credit.set(call.actor, call.id, input, call.requestId);
  }
}
