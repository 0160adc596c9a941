export * from './entities';
export * from './engine';
export * from './mail/mailer';
export * from './mail/messages';
export * from './mail/render';
export * from './unsubscribe-token';
export * from './api/notifications.module';
export * from './api/notifications.dto';
