/**
 * The corner check's latest detector figures (backends, milliseconds per model), kept for Settings'
 * Diagnostics: useful when something is slow or fails, not while checking a room.
 */
import { useSyncExternalStore } from 'react';
import type { DetectorStats } from './useCornerCheck.dom';

let latest: DetectorStats | undefined;
const listeners = new Set<() => void>();

export function publishDetectorStats(stats: DetectorStats): void {
  latest = stats;
  for (const listener of listeners) listener();
}

export function useDetectorStats(): DetectorStats | undefined {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => latest,
  );
}
