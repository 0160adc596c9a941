import { applyDecorators, Controller, Get, Header, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@eclore/server-platform';
import { UnsubscribeService } from './unsubscribe.service';

const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'The opaque token of the e-mail’s link.',
  schema: { type: 'string' as const, pattern: '^[A-Za-z0-9_-]+$' },
};
/**
 * A route of the link: the token is the only authority (no session, no CSRF token), the answer an
 * HTML page never cached, a bad token a 400 on `token`.
 */
const UnsubscribePage = (operationId: string, summary: string, page: string) =>
  applyDecorators(
    Endpoint({
      permission: { public: true, tokenAuthorised: true },
      operationId,
      summary,
      ok: { description: page },
      errors: ['validation_failed'],
      errorText: { 400: 'Invalid, altered or forged `token`.' },
    }),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
    ApiProduces('text/html'),
    ApiQuery(TOKEN_QUERY),
  );
const tokenOf = (token: unknown): string => (typeof token === 'string' ? token : '');

@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get()
  @UnsubscribePage(
    'confirmUnsubscribeFromNotificationEmails',
    'An e-mail’s unsubscribe link: a confirmation page in the person’s language; changes nothing.',
    'Confirmation page (HTML) whose button POSTs to this address.',
  )
  confirm(@Query('token') token: unknown): Promise<string> {
    return this.unsubscribes.confirmation(tokenOf(token));
  }

  @Post()
  @UnsubscribePage(
    'unsubscribeFromNotificationEmails',
    'Switches the token’s categories of e-mail off for its person (one-click or the confirmation button).',
    'Done page (HTML, in the person’s language).',
  )
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    required: false,
    description:
      'RFC 8058 one-click: `List-Unsubscribe=One-Click`. No sign-in or CSRF token: the token is the authority.',
    schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } },
  })
  unsubscribe(@Query('token') token: unknown): Promise<string> {
    return this.unsubscribes.unsubscribe(tokenOf(token));
  }
}
