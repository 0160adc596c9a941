import type { EntityManager } from 'typeorm';
import { readsOn } from './reads';

/** Reads that log when they start and end, each ending only when the test lets it. */
function probes(count: number) {
  const log: string[] = [];
  const finish: (() => void)[] = [];
  const reads = Array.from({ length: count }, (_, k) => () => {
    log.push(`start ${k}`);
    return new Promise<number>((resolve) => {
      finish[k] = () => {
        log.push(`end ${k}`);
        resolve(k * 10);
      };
    });
  });
  return { log, finish, reads };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('readsOn', () => {
  it('runs the reads side by side when the manager has no connection of its own', async () => {
    const { log, finish, reads } = probes(2);
    const done = readsOn({ queryRunner: undefined } as unknown as EntityManager, [reads[0]!, reads[1]!]);
    await flush();
    expect(log).toEqual(['start 0', 'start 1']);
    finish[1]!();
    finish[0]!();
    expect(await done).toEqual([0, 10]);
  });

  it('runs them one after the other inside a transaction (one connection), keeping their order', async () => {
    const { log, finish, reads } = probes(3);
    const done = readsOn({ queryRunner: {} } as unknown as EntityManager, [reads[0]!, reads[1]!, reads[2]!]);
    await flush();
    expect(log).toEqual(['start 0']);
    finish[0]!();
    await flush();
    expect(log).toEqual(['start 0', 'end 0', 'start 1']);
    finish[1]!();
    await flush();
    finish[2]!();
    expect(await done).toEqual([0, 10, 20]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('treats a missing manager as the pool', async () => {
    const { log, finish, reads } = probes(2);
    const done = readsOn(undefined, [reads[0]!, reads[1]!]);
    await flush();
    expect(log).toEqual(['start 0', 'start 1']);
    finish[0]!();
    finish[1]!();
    expect(await done).toEqual([0, 10]);
  });
});
