import { QualificationAssignment } from './qualification-assignment.entity';
import { AnswerTimeSettingsRow } from './answer-time-settings.entity';
import { DeadlineJob } from './deadline-job.entity';

export { QualificationAssignment, AnswerTimeSettingsRow, DeadlineJob };

/** The qualification context's tables; each submodule adds its entities here. */
export const QUALIFICATION_ENTITIES: (new (...args: never[]) => object)[] = [QualificationAssignment, AnswerTimeSettingsRow, DeadlineJob];
