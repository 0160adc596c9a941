import 'reflect-metadata';
import type { Job } from 'bullmq';
import { JOB_NAMES, type JobName, type JobPayloads } from './registry';

/** What a job handler does with one job of its name. Payloads hold ids; re-read state here. */
export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}

export type JobHandlerClass = abstract new (...args: never[]) => JobHandler;
/** Any class (a listed handler may lack the decorator; the check reports it). */
type AnyClass = abstract new (...args: never[]) => unknown;

const HANDLES_JOB = Symbol.for('eclore:handles-job');

/**
 * Marks an injectable class as THE handler of one job name of the registry. The worker refuses to
 * start unless every job name has exactly one such class (see assertHandlerRegistry).
 */
export function HandlesJob<N extends JobName>(jobName: N) {
  return (target: abstract new (...args: never[]) => JobHandler<N>): void => {
    Reflect.defineMetadata(HANDLES_JOB, jobName, target);
  };
}

/** The job name a class handles, or undefined if it carries no @HandlesJob. */
export function handledJobName(target: AnyClass): string | undefined {
  return Reflect.getOwnMetadata(HANDLES_JOB, target) as string | undefined;
}

export class HandlerRegistryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super('The worker cannot start, its job handlers do not match the queue registry:\n' + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'HandlerRegistryError';
  }
}

/**
 * Checks that every job name of the registry has exactly one handler class and that no handler names
 * a job the registry does not know. Pure: runs before Nest boots so a bad deploy stops at once with
 * the names of the jobs at fault. Returns the job name → handler class map.
 */
export function assertHandlerRegistry(
  handlerClasses: readonly AnyClass[],
  jobNames: readonly string[] = JOB_NAMES,
): Map<JobName, AnyClass> {
  const problems: string[] = [];
  const byJob = new Map<string, AnyClass[]>();
  for (const cls of handlerClasses) {
    const name = handledJobName(cls);
    if (name === undefined) {
      problems.push(`${cls.name} is listed as a job handler but has no @HandlesJob(...) decorator`);
      continue;
    }
    byJob.set(name, [...(byJob.get(name) ?? []), cls]);
  }
  for (const name of jobNames) {
    const classes = byJob.get(name) ?? [];
    if (classes.length === 0) problems.push(`job "${name}" has no handler`);
    if (classes.length > 1) problems.push(`job "${name}" has ${classes.length} handlers: ${classes.map((c) => c.name).join(', ')}`);
  }
  for (const [name, classes] of byJob) {
    if (!jobNames.includes(name)) {
      problems.push(`job "${name}" (handled by ${classes.map((c) => c.name).join(', ')}) is not in the queue registry`);
    }
  }
  if (problems.length > 0) throw new HandlerRegistryError(problems);
  return new Map([...byJob].map(([name, classes]) => [name as JobName, classes[0]!]));
}
