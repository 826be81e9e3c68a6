/**
 * Work that runs side by side and is taken in order: at most `width` jobs run at once (`add` waits for a free
 * place, so a fast producer never piles up work), and each job's result is handed to its `take` in the order
 * the jobs were added, whatever order they finish in. Redaction runs detector looks this way on several
 * threads while the rules weigh each look against the looks before it.
 */
export class InOrder<Result> {
  private taken: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<unknown>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly width: number) {
    if (!(width >= 1)) throw new Error(`InOrder needs room for at least one job, not ${width}.`);
  }

  /**
   * Starts `job` once fewer than `width` run, and before it resolves: what the job reads when it starts (a
   * frame the caller reuses once `add` returns) is still there. `take` gets its result after every earlier
   * job's `take`. Once a job or a take has failed, no other job starts: `add` throws that failure.
   */
  async add(job: () => Promise<Result>, take: (result: Result) => void): Promise<void> {
    while (this.running.size >= this.width && !this.failure) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
    const result = job();
    const settled: Promise<unknown> = result.then(
      () => this.running.delete(settled),
      (error: unknown) => {
        this.failure ??= { error };
        this.running.delete(settled);
      },
    );
    this.running.add(settled);
    this.taken = this.taken.then(async () => take(await result));
    // A failure is reported by finish() and stops the next add; until then it must not count as unhandled.
    this.taken.catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Resolves when every job added has been taken; rejects with the first failure (no later job is taken). */
  finish(): Promise<void> {
    return this.taken;
  }
}
