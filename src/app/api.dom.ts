/** The renderer's only door to the main process: the contract the preload exposes as window.safetake. */
import type { IpcResult, SafeTakeApi } from '../../core/ipc/contract.std';

export const api: SafeTakeApi = window.safetake;

/** Unwraps an IpcResult, throwing its user-facing message as an Error. */
export async function call<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}
