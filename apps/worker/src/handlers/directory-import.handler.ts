import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { HandlesJob, type JobHandler, type JobPayloads } from '@eclore/server-platform';
import { DirectoryImportRunner, type RunOutcome } from '@eclore/server-identity';

type Payload = JobPayloads['directory.import'];

/**
 * Validates and applies an uploaded directory CSV (DirectoryImportRunner). A retried job on a
 * finished import does nothing; when the last attempt fails the import is marked `failed` so the
 * HR screen stops waiting.
 */
@HandlesJob('directory.import')
@Injectable()
export class DirectoryImportHandler implements JobHandler<'directory.import'> {
  // From IdentityJobsModule.
  constructor(private readonly runner: DirectoryImportRunner) {}

  async handle(payload: Payload, job: Job<Payload>): Promise<RunOutcome> {
    try {
      return await this.runner.run(payload.importId);
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) {
        await this.runner.markFailed(
          payload.importId,
          'internal_error',
          'The import failed unexpectedly; see the worker log.',
        );
      }
      throw err;
    }
  }
}
