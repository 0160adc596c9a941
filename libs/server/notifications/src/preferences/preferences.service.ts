import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BUILT_IN_NOTIFICATION_DEFAULTS,
  NOTIFICATION_CATEGORIES,
  ValidationFailed,
  type Actor,
  type NotificationCategory,
  type NotificationFrequency,
} from '@eclore/domain';
import { AppConfig } from '@eclore/server-platform';
import { AuditService } from '@eclore/server-identity';
import type { DefaultsDto, PreferencesDto } from './preferences.dto';
import { PreferencesRepository, type CategoryFrequencyRow } from './preferences.repository';

/** A person's choice per category, and the organisation's defaults (admins, audited). */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: PreferencesRepository,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async preferences(personId: string): Promise<PreferencesDto> {
    const [defaults, mine] = await Promise.all([this.defaults(), this.repo.personal(personId)]);
    const chosen = new Map(mine.map((p) => [p.category, p.frequency]));
    return {
      emailEnabled: Boolean(this.config.SMTP_URL),
      preferences: NOTIFICATION_CATEGORIES.map((category) => ({
        category,
        frequency: chosen.get(category) ?? defaults[category],
        organisationDefault: defaults[category],
        personal: chosen.has(category),
      })),
    };
  }

  /** Also the unsubscribe links' action (with `off`). */
  async setPreferences(personId: string, prefs: readonly CategoryFrequencyRow[]): Promise<PreferencesDto> {
    assertDistinct(prefs, 'preferences');
    if (prefs.length > 0) await this.repo.savePersonal(personId, prefs);
    return this.preferences(personId);
  }

  async getDefaults(): Promise<DefaultsDto> {
    const d = await this.defaults();
    return { defaults: NOTIFICATION_CATEGORIES.map((category) => ({ category, frequency: d[category] })) };
  }

  async setDefaults(actor: Actor, prefs: readonly CategoryFrequencyRow[], requestId: string | null): Promise<DefaultsDto> {
    assertDistinct(prefs, 'preferences');
    await this.ds.transaction(async (m) => {
      if (prefs.length > 0) await this.repo.saveDefaults(actor.personId, prefs, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'notification.defaults_set',
        subjectType: 'notification_default',
        subjectId: null,
        data: { defaults: prefs.map((p) => ({ category: p.category, frequency: p.frequency })) },
        requestId,
      });
    });
    return this.getDefaults();
  }

  /** The organisation's defaults over the built-in ones (an unknown stored category is ignored). */
  private async defaults(): Promise<Record<NotificationCategory, NotificationFrequency>> {
    const out = { ...BUILT_IN_NOTIFICATION_DEFAULTS };
    for (const r of await this.repo.defaults())
      if ((NOTIFICATION_CATEGORIES as readonly string[]).includes(r.category)) out[r.category] = r.frequency;
    return out;
  }
}

function assertDistinct(prefs: readonly CategoryFrequencyRow[], field: string): void {
  const seen = new Set<string>();
  prefs.forEach((p, i) => {
    if (seen.has(p.category)) {
      throw new ValidationFailed([
        { field: `${field}.${i}.category`, code: 'duplicate', message: 'Each category at most once.' },
      ]);
    }
    seen.add(p.category);
  });
}
