/** The running batch as React state: started over IPC, updated by 'sanitize:progress' events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchUpdate, IpcRequest } from '../../core/ipc/contract.std';
import { type ProgressSample, batchFraction, secondsLeft } from '../../core/sanitize/progress.std';
import { api, call } from '../app/api.dom';

/** A cancel of the whole batch, or of one file (`index`). */
type EarlyCancel = { index?: number };

/** `onFinished` hears the last update of each batch (a review's findings). */
export function useSanitizeBatch(onFinished?: (update: BatchUpdate) => void) {
  const [batch, setBatch] = useState<BatchUpdate>();
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });
  /** The batch's progress over time: the basis for "time left". */
  const samples = useRef<ProgressSample[]>([]);
  const [timeLeft, setTimeLeft] = useState<number>();
  const [error, setError] = useState<string>();
  const batchId = useRef<string | undefined>(undefined);
  const startedAt = useRef(0);
  /** A start was asked for and its batch has not reported yet: the view shows "Starting…" meanwhile. */
  const [starting, setStarting] = useState(false);
  /**
   * Updates that arrive before `sanitize:start` has answered with their batch's id (main sends the first ones
   * at once): the latest is applied when the id is known, so a quick batch is not missed.
   */
  const early = useRef(new Map<string, BatchUpdate>());
  /** A cancel asked for before `sanitize:start` answered (Cancel shows while it starts): sent with the id. */
  const cancelEarly = useRef<EarlyCancel>(undefined);

  const apply = useCallback((update: BatchUpdate) => {
    setStarting(false);
    setBatch(update);
    samples.current.push({ ms: Date.now() - startedAt.current, fraction: batchFraction(update.items) });
    setTimeLeft(secondsLeft(samples.current));
    if (update.finished) finished.current?.(update);
  }, []);

  useEffect(
    () =>
      api.on('sanitize:progress', (update) => {
        if (batchId.current === undefined) early.current.set(update.batchId, update);
        if (update.batchId === batchId.current) apply(update);
      }),
    [apply],
  );

  const start = useCallback(async (request: IpcRequest<'sanitize:start'>) => {
    setError(undefined);
    setBatch(undefined);
    setStarting(true);
    batchId.current = undefined;
    cancelEarly.current = undefined;
    early.current.clear();
    try {
      startedAt.current = Date.now();
      samples.current = [];
      setTimeLeft(undefined);
      const { batchId: id } = await call(api['sanitize:start'](request));
      batchId.current = id;
      // Read as the ref's type: a Cancel pressed during the await may have set it since it was cleared above.
      const cancelAsked = cancelEarly.current as EarlyCancel | undefined;
      if (cancelAsked) void api['sanitize:cancel']({ batchId: id, ...cancelAsked });
      const first = early.current.get(id);
      early.current.clear();
      if (first) apply(first);
    } catch (e) {
      setStarting(false);
      setError((e as Error).message);
    }
  }, [apply]);

  const cancel = useCallback((index?: number) => {
    if (batchId.current) void api['sanitize:cancel']({ batchId: batchId.current, index });
    else cancelEarly.current = index === undefined ? {} : { index };
  }, []);

  /** Forgets a finished batch (the list was cleared): its progress and results are no longer shown. */
  const clear = useCallback(() => {
    setBatch(undefined);
    setError(undefined);
  }, []);

  return { batch, starting, timeLeft, error, start, cancel, clear };
}
