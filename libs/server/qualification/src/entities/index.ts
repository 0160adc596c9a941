import { QualificationAssignment } from './qualification-assignment.entity';
import { NetworkAbsence } from './network-absence.entity';
import { PrivateNote } from './private-note.entity';
import { AnswerTimeSettingsRow } from './answer-time-settings.entity';
import { DeadlineJob } from './deadline-job.entity';
import { CriteriaSet } from './criteria-set.entity';
import { Scorecard } from './scorecard.entity';

export * from './qualification-assignment.entity';
export * from './network-absence.entity';
export * from './private-note.entity';
export * from './answer-time-settings.entity';
export * from './deadline-job.entity';
export * from './criteria-set.entity';
export * from './scorecard.entity';

/** The qualification context's tables; each submodule adds its entities here. */
export const QUALIFICATION_ENTITIES: (new (...args: never[]) => object)[] = [
  QualificationAssignment,
  NetworkAbsence,
  PrivateNote,
  AnswerTimeSettingsRow,
  DeadlineJob,
  CriteriaSet,
  Scorecard,
];
