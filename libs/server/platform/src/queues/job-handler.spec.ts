import { HandlesJob, HandlerRegistryError, assertHandlerRegistry, handledJobName, type JobHandler } from './job-handler';
import { JOB_NAMES } from './registry';

@HandlesJob('platform.probe')
class ProbeA implements JobHandler<'platform.probe'> {
  async handle(): Promise<void> {}
}

@HandlesJob('platform.probe')
class ProbeB implements JobHandler<'platform.probe'> {
  async handle(): Promise<void> {}
}

class Undecorated implements JobHandler {
  async handle(): Promise<void> {}
}

function registryError(run: () => unknown): HandlerRegistryError {
  try {
    run();
  } catch (err) {
    if (err instanceof HandlerRegistryError) return err;
    throw err;
  }
  throw new Error('expected a HandlerRegistryError');
}

describe('assertHandlerRegistry', () => {
  it('accepts exactly one handler per job name and maps each name to its class', () => {
    // The registry's own list grows with every job; this test is about the rule, on one job name.
    const map = assertHandlerRegistry([ProbeA], ['platform.probe']);
    expect([...map.keys()]).toEqual(['platform.probe']);
    expect(JOB_NAMES).toContain('platform.probe');
    expect(map.get('platform.probe')).toBe(ProbeA);
    expect(handledJobName(ProbeA)).toBe('platform.probe');
  });

  it('refuses a job name without a handler, naming the job', () => {
    const err = registryError(() => assertHandlerRegistry([], ['platform.probe']));
    expect(err.problems).toEqual(['job "platform.probe" has no handler']);
    expect(err.message).toContain('platform.probe');
  });

  it('refuses two handlers for one job, naming the job and both classes', () => {
    const err = registryError(() => assertHandlerRegistry([ProbeA, ProbeB], ['platform.probe']));
    expect(err.problems).toEqual(['job "platform.probe" has 2 handlers: ProbeA, ProbeB']);
  });

  it('refuses a handler for a job the registry does not know', () => {
    const err = registryError(() => assertHandlerRegistry([ProbeA], ['other.job']));
    expect(err.problems).toEqual([
      'job "other.job" has no handler',
      'job "platform.probe" (handled by ProbeA) is not in the queue registry',
    ]);
  });

  it('refuses a listed class without @HandlesJob', () => {
    const err = registryError(() => assertHandlerRegistry([ProbeA, Undecorated], ['platform.probe']));
    expect(err.problems).toEqual(['Undecorated is listed as a job handler but has no @HandlesJob(...) decorator']);
  });
});
