/**
 * What the Sessions view's parts share: how they change a session, the worker's minimum rate, what is not clean
 * yet, how a day of the log reads, and the session's clock as it runs.
 */
import { useEffect, useState } from 'react';
import type { IpcResponse, SessionViewData } from '../../core/ipc/contract.std';

/** Runs a change (an IPC call), shows its error if it fails, and refreshes the view either way. */
export type Act = (change: () => Promise<unknown>) => Promise<void>;

export type Minimum = IpcResponse<'settings:get'>['minimumHourlyRate'];

/** The session's kept takes and added clips that have no clean copy yet. */
export const uncleanClips = (session: SessionViewData): string[] => session.clips.filter((clip) => !clip.sanitized).map((clip) => clip.file);

/** Whether the session's own clock stands still: paused, or on a break that is not counted as work. */
export function isResting(session: SessionViewData): boolean {
  const onBreak = session.openPhases.find((phase) => phase.phase === 'break');
  return session.paused || (onBreak !== undefined && !onBreak.countsAsWork);
}

/**
 * Counts on from the log's figures: seconds as of `asOf`, plus the time since while the clock runs (a paused
 * session's clocks stand still; the session's own clock also stands still on a break that is not work).
 */
export function useRunningClock(session: SessionViewData): { now: number; clock: (seconds: number, runs: boolean) => number } {
  // From the first moment shown, not the view's last read (a question opened just now says the time now).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return { now, clock: (seconds, runs) => (session.paused || !runs ? seconds : seconds + Math.max(0, now - session.asOf) / 1000) };
}
