/**
 * What the Sessions view's parts share: how they change a session, the worker's minimum rate, what is not clean
 * yet, and how a day of the log reads.
 */
import type { IpcResponse, SessionViewData } from '../../core/ipc/contract.std';

/** Runs a change (an IPC call), shows its error if it fails, and refreshes the view either way. */
export type Act = (change: () => Promise<unknown>) => Promise<void>;

export type Minimum = IpcResponse<'settings:get'>['minimumHourlyRate'];

/** The session's kept takes and added clips that have no clean copy yet. */
export const uncleanClips = (session: SessionViewData): string[] => session.clips.filter((clip) => !clip.sanitized).map((clip) => clip.file);

