import { JOB_NAMES, assertHandlerRegistry, handledJobName } from '@eclore/server-platform';
import { WORKER_HANDLERS } from './index';

describe('WORKER_HANDLERS', () => {
  it('covers every job name of the registry exactly once (else the worker refuses to start)', () => {
    const map = assertHandlerRegistry(WORKER_HANDLERS);
    expect([...map.keys()].sort()).toEqual([...JOB_NAMES].sort());
    expect(WORKER_HANDLERS.map((h) => handledJobName(h)).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('makes the worker refuse to start, naming the job, when a handler is missing', () => {
    const withoutProbe = WORKER_HANDLERS.filter((h) => handledJobName(h) !== 'platform.probe');
    expect(() => assertHandlerRegistry(withoutProbe)).toThrow(/job "platform\.probe" has no handler/);
  });
});
