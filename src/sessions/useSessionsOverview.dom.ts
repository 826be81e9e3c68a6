/** The session log as the views read it: the overview, re-read after every change, and `act` to make one. */
import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../core/ipc/contract.std';
import { api, call } from '../app/api.dom';
import type { Act } from './sessionActions.dom';

export type Overview = IpcResponse<'sessions:overview'>;

/** `alsoRead`: whatever else the view reads again with the overview (the worker's settings). */
export function useSessionsOverview(alsoRead?: (onError: (message: string) => void) => void) {
  const [overview, setOverview] = useState<Overview>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(() => {
    call(api['sessions:overview']({})).then(setOverview, (e: Error) => setError(e.message));
    alsoRead?.(setError);
  }, [alsoRead]);
  useEffect(refresh, [refresh]);

  /** Runs a change; the log has it on disk when this resolves, then the view is read back from the log. */
  const act: Act = useCallback(
    async (change) => {
      setError(undefined);
      try {
        await change();
      } catch (e) {
        setError((e as Error).message);
      }
      refresh();
    },
    [refresh],
  );

  return { overview, error, setError, refresh, act };
}
