import { BudgetLine } from './budget-line.entity';
import { Experiment } from './experiment.entity';
import { ExperimentAgendaItem } from './experiment-agenda-item.entity';
import { ExperimentHypothesis } from './experiment-hypothesis.entity';
import { ExperimentMeasure } from './experiment-measure.entity';
import { FieldReview } from './field-review.entity';
import { FieldReviewSettingsRow } from './field-review-settings.entity';
import { IdeaTeamInvitation } from './idea-team-invitation.entity';
import { IdeaTeamMember } from './idea-team-member.entity';
import { ImpactIndicator } from './impact-indicator.entity';
import { ImpactMeasurement } from './impact-measurement.entity';
import { ImplementationProject } from './implementation-project.entity';
import { LogEntry } from './log-entry.entity';
import { LogEntryAttachment } from './log-entry-attachment.entity';
import { Milestone } from './milestone.entity';
import { ProjectUpdate } from './project-update.entity';
import { Replication, type ReplicationStatus } from './replication.entity';

export {
  BudgetLine,
  Experiment,
  ExperimentAgendaItem,
  ExperimentHypothesis,
  ExperimentMeasure,
  FieldReview,
  FieldReviewSettingsRow,
  IdeaTeamInvitation,
  IdeaTeamMember,
  ImpactIndicator,
  ImpactMeasurement,
  ImplementationProject,
  LogEntry,
  LogEntryAttachment,
  Milestone,
  ProjectUpdate,
  Replication,
  type ReplicationStatus,
};

/** The realisation context's tables (schema owned by migration 1796591943358-Realisation). */
export const REALISATION_ENTITIES: (new (...args: never[]) => object)[] = [
  IdeaTeamMember,
  IdeaTeamInvitation,
  Experiment,
  ExperimentHypothesis,
  ExperimentMeasure,
  LogEntry,
  LogEntryAttachment,
  ExperimentAgendaItem,
  ImplementationProject,
  Milestone,
  ProjectUpdate,
  BudgetLine,
  ImpactIndicator,
  ImpactMeasurement,
  FieldReviewSettingsRow,
  FieldReview,
  Replication,
];
