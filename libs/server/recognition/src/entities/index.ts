import { AnnualReportRun } from './annual-report-run.entity';
import { CharterCommitmentRow } from './charter-commitment.entity';
import { CharterInputRow } from './charter-input.entity';
import { Contribution } from './contribution.entity';
import { ContributionClaim } from './contribution-claim.entity';
import { CreditShareOverride } from './credit-share-override.entity';
import { Recognition } from './recognition.entity';
import { RecognitionSettingsRow } from './recognition-settings.entity';

export * from './annual-report-run.entity';
export * from './charter-commitment.entity';
export * from './charter-input.entity';
export * from './contribution.entity';
export * from './contribution-claim.entity';
export * from './credit-share-override.entity';
export * from './recognition.entity';
export * from './recognition-settings.entity';

/** The recognition context's tables (schema owned by migration 1796599788026-Recognition). */
export const RECOGNITION_ENTITIES: (new (...args: never[]) => object)[] = [
  Contribution,
  CreditShareOverride,
  RecognitionSettingsRow,
  Recognition,
  CharterCommitmentRow,
  CharterInputRow,
  AnnualReportRun,
  ContributionClaim,
];
