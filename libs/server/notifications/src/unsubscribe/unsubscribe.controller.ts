import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { PublicRoute } from '@eclore/server-identity';
import { UnsubscribeService } from './unsubscribe.service';

const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'The opaque token of the e-mail’s link.',
  schema: { type: 'string' as const, pattern: '^[A-Za-z0-9_-]+$' },
};
const tokenOf = (token: unknown): string => (typeof token === 'string' ? token : '');

@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get()
  @PublicRoute({ tokenAuthorised: true })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiOperation({
    operationId: 'confirmUnsubscribeFromNotificationEmails',
    summary: 'An e-mail’s unsubscribe link: a confirmation page in the person’s language; changes nothing.',
  })
  @ApiOkResponse({ description: 'Confirmation page (HTML) whose button POSTs to this address.' })
  @ApiBadRequestResponse({ description: 'Invalid, altered or forged `token`.' })
  confirm(@Query('token') token: unknown): Promise<string> {
    return this.unsubscribes.confirmation(tokenOf(token));
  }

  @Post()
  @HttpCode(200)
  @PublicRoute({ tokenAuthorised: true })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    required: false,
    description:
      'RFC 8058 one-click: `List-Unsubscribe=One-Click`. No sign-in or CSRF token: the token is the authority.',
    schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } },
  })
  @ApiOperation({
    operationId: 'unsubscribeFromNotificationEmails',
    summary: 'Switches the token’s categories of e-mail off for its person (one-click or the confirmation button).',
  })
  @ApiOkResponse({ description: 'Done page (HTML, in the person’s language).' })
  @ApiBadRequestResponse({ description: 'Invalid, altered or forged `token`.' })
  unsubscribe(@Query('token') token: unknown): Promise<string> {
    return this.unsubscribes.unsubscribe(tokenOf(token));
  }
}
