import { Injectable } from '@nestjs/common';
import { ValidationFailed, type Locale } from '@eclore/domain';
import { ORGANISATION_LOCALE } from '../mail/messages';
import { PreferencesService } from '../preferences/preferences.service';
import { openUnsubscribe, type UnsubscribeSubject } from './unsubscribe-token';
import { UnsubscribeRepository } from './unsubscribe.repository';
import { confirmationPage, unsubscribedPage } from './unsubscribe-page';

/**
 * The e-mails' unsubscribe links. The token is the only authority (no session): GET asks, POST acts
 * (a person's button, or a mail client's RFC 8058 one-click). A bad token, or one whose person is
 * gone, gets the same 400 on `token`, so a link tells nothing about anyone.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly repo: UnsubscribeRepository,
    private readonly preferences: PreferencesService,
  ) {}

  async confirmation(token: string): Promise<string> {
    const { subject, locale } = await this.open(token);
    return confirmationPage(locale, subject.categories, token);
  }

  async unsubscribe(token: string): Promise<string> {
    const { subject, locale } = await this.open(token);
    await this.preferences.setPreferences(
      subject.personId,
      subject.categories.map((category) => ({ category, frequency: 'off' as const })),
    );
    return unsubscribedPage(locale, subject.categories);
  }

  private async open(token: string): Promise<{ subject: UnsubscribeSubject; locale: Locale }> {
    const subject = openUnsubscribe(await this.repo.secret(), token);
    const locale = subject ? await this.repo.localeOf(subject.personId) : undefined;
    if (!subject || locale === undefined) {
      throw new ValidationFailed([
        { field: 'token', code: 'invalidToken', message: 'This unsubscribe link is not valid.' },
      ]);
    }
    return { subject, locale: locale ?? ORGANISATION_LOCALE };
  }
}
