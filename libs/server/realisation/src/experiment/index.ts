export { ExperimentModule, ExperimentJobsModule } from './experiment.module';
export {
  ExperimentReminders,
  reminderJobId,
  reminderFireAt,
  type ReminderFireResult,
} from './experiment-reminders.service';
export { REALISATION_CLOCK, type RealisationClock } from './clock';
export * from './experiment.reads';
export * from './experiment.dto';
export { ExperimentCommands } from './experiment-commands.service';
