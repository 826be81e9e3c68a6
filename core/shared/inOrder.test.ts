import { describe, expect, it } from 'vitest';
import { InOrder } from './inOrder.std';

/** A job its test settles by hand, and whether it has started. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject, started: false };
}

describe('InOrder', () => {
  it('takes results in the order the jobs were added, whatever order they finish in', async () => {
    const work = new InOrder<string>(3);
    const jobs = [deferred<string>(), deferred<string>(), deferred<string>()];
    const taken: string[] = [];
    for (const [i, job] of jobs.entries()) await work.add(() => job.promise, (result) => taken.push(`${i}:${result}`));
    jobs[2]!.resolve('c');
    jobs[1]!.resolve('b');
    await Promise.resolve();
    expect(taken).toEqual([]);
    jobs[0]!.resolve('a');
    await work.finish();
    expect(taken).toEqual(['0:a', '1:b', '2:c']);
  });

  it('runs at most `width` jobs at once: add waits for a free place', async () => {
    const work = new InOrder<number>(2);
    const jobs = [deferred<number>(), deferred<number>(), deferred<number>()];
    const start = (i: number) => () => {
      jobs[i]!.started = true;
      return jobs[i]!.promise;
    };
    await work.add(start(0), () => {});
    await work.add(start(1), () => {});
    let third = false;
    const adding = work.add(start(2), () => {}).then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([jobs[2]!.started, third]).toEqual([false, false]);
    jobs[1]!.resolve(1);
    await adding;
    expect(jobs[2]!.started).toBe(true);
    jobs[0]!.resolve(0);
    jobs[2]!.resolve(2);
    await work.finish();
  });

  it('reports the first failure from finish, takes nothing after it, and starts nothing more', async () => {
    const work = new InOrder<number>(2);
    const taken: number[] = [];
    const [first, second] = [deferred<number>(), deferred<number>()];
    await work.add(() => first.promise, (n) => taken.push(n));
    await work.add(() => second.promise, (n) => taken.push(n));
    second.reject(new Error('a detector thread stopped'));
    first.resolve(1);
    await expect(work.finish()).rejects.toThrow('a detector thread stopped');
    expect(taken).toEqual([1]);
    let started = false;
    await expect(work.add(() => ((started = true), Promise.resolve(3)), (n) => taken.push(n))).rejects.toThrow('a detector thread stopped');
    expect(started).toBe(false);
  });

  it('starts nothing more once a take has failed', async () => {
    const work = new InOrder<number>(1);
    await work.add(() => Promise.resolve(1), () => {
      throw new Error('a rule failed');
    });
    await expect(work.finish()).rejects.toThrow('a rule failed');
    let started = false;
    await expect(work.add(() => ((started = true), Promise.resolve(2)), () => {})).rejects.toThrow('a rule failed');
    expect(started).toBe(false);
  });

  it('needs room for one job at least', () => {
    expect(() => new InOrder(0)).toThrow(/at least one/);
  });
});
