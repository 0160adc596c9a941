import { Inject, Module, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@eclore/server-platform';
import { Mailer } from '../mail/mailer';
import { AnnouncementFanOut } from './announcement';
import { DigestBuilder } from './digest';
import { NotificationDispatcher } from './dispatcher';
import type { EngineOptions } from './engine-step';
import { RoleRequestNotifier } from './role-request';
import { DeliverySender } from './sender';

/** The worker's SMTP transport (pooled), or null when e-mail is off (no SMTP_URL). */
export const NOTIFICATION_MAILER = Symbol('NOTIFICATION_MAILER');

const engineOptions = (config: AppConfig): EngineOptions => ({
  emailEnabled: Boolean(config.SMTP_URL),
  publicUrl: config.PUBLIC_URL,
});

/** A provider of an engine step built from the data source and the configuration. */
const step = <T>(type: new (ds: DataSource, options: EngineOptions) => T): Provider => ({
  provide: type,
  inject: [getDataSourceToken(), AppConfig],
  useFactory: (ds: DataSource, config: AppConfig) => new type(ds, engineOptions(config)),
});

const PROVIDERS: Provider[] = [
  {
    provide: NOTIFICATION_MAILER,
    inject: [AppConfig],
    useFactory: (config: AppConfig): Mailer | null =>
      config.SMTP_URL ? new Mailer(config.SMTP_URL, config.MAIL_FROM) : null,
  },
  step(NotificationDispatcher),
  step(RoleRequestNotifier),
  step(DigestBuilder),
  step(AnnouncementFanOut),
  {
    provide: DeliverySender,
    inject: [getDataSourceToken(), NOTIFICATION_MAILER, AppConfig],
    useFactory: (ds: DataSource, mailer: Mailer | null, config: AppConfig) =>
      new DeliverySender(ds, mailer, { publicUrl: config.PUBLIC_URL }),
  },
];

/**
 * The notification engine as injectable providers, for the worker's job handlers: dispatch, role
 * requests, digests, announcement fan-outs and the sender. The classes stay plain (tests and
 * benches build them with `new`); this module is where the worker gets them.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS.map((p) => (typeof p === 'function' ? p : p.provide)) })
export class NotificationsEngineModule implements OnModuleDestroy {
  constructor(@Inject(NOTIFICATION_MAILER) private readonly mailer: Mailer | null) {}

  /** The pooled SMTP connections close with the worker. */
  onModuleDestroy(): void {
    this.mailer?.close();
  }
}
