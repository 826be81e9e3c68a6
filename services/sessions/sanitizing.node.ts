/**
 * Sanitizing is part of a session's work. While a batch runs in a running session (a review's look through
 * the clips too), its time is the session's "sanitizing" phase (one phase however many batches overlap).
 * Each clean copy joins its clip's record in the session the clip belongs to, running or ended; a file of no
 * session joins the running one as a new clip.
 * The app's IPC handler and `safetake sanitize` both start their batches through here.
 */
import type { Batch } from '../sanitize/batch.node';
import type { SessionsService } from './sessions.node';

export class SanitizingInSession {
  private running = 0;

  constructor(private readonly sessions: SessionsService) {}

  /**
   * Follows `batch` in the running session, if there is one. Resolves once its phase has started; `logged`
   * resolves once the batch is done and every clean copy is in the log.
   */
  async follow(batch: Batch): Promise<{ sessionId?: string; logged: Promise<void> }> {
    const session = await this.sessions.active();
    if (session && this.running++ === 0) {
      // A phase that could not start is not counted as running: the next batch tries again.
      await this.sessions.phase('start', 'sanitizing').catch((error: unknown) => {
        this.running -= 1;
        throw error;
      });
    }
    const logged = (async () => {
      try {
        for (const item of await batch.done) {
          if (!item.outcome) continue;
          const owner = (await this.sessions.sessionOfClip(item.outcome.input)) ?? session?.id;
          if (owner) await this.sessions.recordCleanCopy(owner, item.outcome);
        }
      } finally {
        // The session may have ended meanwhile: then there is no phase left to stop.
        if (session && --this.running === 0) await this.sessions.phase('stop', 'sanitizing').catch(() => undefined);
      }
    })();
    return { ...(session ? { sessionId: session.id } : {}), logged };
  }
}
