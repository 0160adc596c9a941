import type { JobHandlerClass } from '@eclore/server-platform';
import { DirectoryImportHandler } from './directory-import.handler';
import { PlatformProbeHandler } from './platform-probe.handler';
import { PersonalDataExportHandler, PersonalDataRetentionHandler } from './personal-data.handlers';
import { WebhooksDeliverHandler, WebhooksDispatchHandler } from './webhooks.handlers';
import {
  NotificationsAnnounceHandler,
  NotificationsDeliverBatchHandler,
  NotificationsDeliverHandler,
  NotificationsDigestHandler,
  NotificationsDispatchHandler,
  NotificationsRoleRequestHandler,
} from './notifications.handlers';
import {
  QualificationDeadlineEscalationHandler,
  QualificationDeadlineReminderHandler,
  QualificationRescheduleDeadlinesHandler,
  QualificationScheduleDeadlinesHandler,
} from './qualification.handlers';
import { RealisationExperimentReminderHandler } from './realisation.handlers';
import {
  CommitteeResumeParkedHandler,
  CommitteeScheduleResumeHandler,
  RealisationFieldReviewHandler,
  RealisationScheduleFieldReviewsHandler,
} from './realisation.handlers';
import {
  RecognitionAnnualReportHandler,
  RecognitionAnnualReportScheduleHandler,
  RecognitionRecordContributionsHandler,
} from './recognition.handlers';

/**
 * Every job handler the worker runs; exactly one per job name of the queue registry
 * (assertHandlerRegistry checks it before boot). A bounded context adds its handlers here.
 */
export const WORKER_HANDLERS: readonly JobHandlerClass[] = [
  PlatformProbeHandler,
  DirectoryImportHandler,
  PersonalDataExportHandler,
  PersonalDataRetentionHandler,
  WebhooksDispatchHandler,
  WebhooksDeliverHandler,
  NotificationsDispatchHandler,
  NotificationsDeliverHandler,
  NotificationsDigestHandler,
  NotificationsAnnounceHandler,
  NotificationsDeliverBatchHandler,
  NotificationsRoleRequestHandler,
  QualificationScheduleDeadlinesHandler,
  QualificationRescheduleDeadlinesHandler,
  QualificationDeadlineReminderHandler,
  QualificationDeadlineEscalationHandler,
  RealisationExperimentReminderHandler,
  RealisationScheduleFieldReviewsHandler,
  RealisationFieldReviewHandler,
  CommitteeScheduleResumeHandler,
  CommitteeResumeParkedHandler,
  RecognitionRecordContributionsHandler,
  RecognitionAnnualReportHandler,
  RecognitionAnnualReportScheduleHandler,
];
