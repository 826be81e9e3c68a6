/** What the Sessions view's parts share: how they change a session, and the worker's minimum rate. */
import type { IpcResponse } from '../../core/ipc/contract.std';

/** Runs a change (an IPC call), shows its error if it fails, and refreshes the view either way. */
export type Act = (change: () => Promise<unknown>) => Promise<void>;

export type Minimum = IpcResponse<'settings:get'>['minimumHourlyRate'];
