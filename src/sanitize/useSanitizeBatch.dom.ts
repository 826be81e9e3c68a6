/** The running batch as React state: started over IPC, updated by 'sanitize:progress' events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchUpdate, IpcRequest } from '../../core/ipc/contract.std';
import { type ProgressSample, batchFraction, secondsLeft } from '../../core/sanitize/progress.std';
import { api, call } from '../app/api.dom';

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

  useEffect(
    () =>
      api.on('sanitize:progress', (update) => {
        if (update.batchId !== batchId.current) return;
        setBatch(update);
        samples.current.push({ ms: Date.now() - startedAt.current, fraction: batchFraction(update.items) });
        setTimeLeft(secondsLeft(samples.current));
        if (update.finished) finished.current?.(update);
      }),
    [],
  );

  const start = useCallback(async (request: IpcRequest<'sanitize:start'>) => {
    setError(undefined);
    setBatch(undefined);
    try {
      startedAt.current = Date.now();
      samples.current = [];
      setTimeLeft(undefined);
      const { batchId: id } = await call(api['sanitize:start'](request));
      batchId.current = id;
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const cancel = useCallback((index?: number) => {
    if (batchId.current) void api['sanitize:cancel']({ batchId: batchId.current, index });
  }, []);

  return { batch, timeLeft, error, start, cancel };
}
