import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import {
  AppConfigModule,
  DatabaseModule,
  HostileInputModule,
  ProblemFilter,
  httpLoggerModule,
} from '@eclore/server-platform';
import { dataSourceOptions } from '@eclore/migrations';
import { IdentityModule } from '@eclore/server-identity';
import { IdeasModule } from '@eclore/server-ideas';
import { WebhooksModule } from '@eclore/server-webhooks';
import { NotificationsModule } from '@eclore/server-notifications';
import { QualificationModule } from '@eclore/server-qualification';
import { CommitteeModule } from '@eclore/server-committee';
import { RealisationModule } from '@eclore/server-realisation';
import { RecognitionModule } from '@eclore/server-recognition';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    AppConfigModule,
    httpLoggerModule(),
    HostileInputModule,
    DatabaseModule.forRoot(dataSourceOptions),
    IdentityModule,
    IdeasModule,
    QualificationModule,
    CommitteeModule,
    RealisationModule,
    RecognitionModule,
    WebhooksModule,
    NotificationsModule,
    HealthModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
