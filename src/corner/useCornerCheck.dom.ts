/**
 * The live corner check in React: starts the check's loops (checkLoops.dom.ts) on the camera's <video> with
 * the browser's workers, and keeps the tracker and the detectors' figures as state. The UI thread only hands
 * camera frames over (cameraFrames.dom.ts) and draws; scaling and the models run in workers, so the preview
 * keeps the camera's own rate.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RiskSource } from '../../core/corner/risks.std';
import { t } from '../../core/i18n/i18n.std';
import { type TrackerState, acceptRisk, isWholeRun, newTracker } from '../../core/corner/tracker.std';
import { cameraFrame, startThumbnails } from './cameraFrames.dom';
import { type CheckDevices, type DetectOnCamera, startCheckLoops } from './checkLoops.dom';
import type { DetectReply, DetectRequest } from './detectorProtocol.dom';
import { startOcr } from './ocr.dom';

/** A thumbnail of the picture younger than this is still the camera's latest frame (30 fps), so the loops share it. */
const THUMBNAIL_FRESH_MS = 30;

/** Which worker a model runs in: the text detector has its own, so it never holds up faces and objects. */
type WorkerName = 'models' | 'writing';
export type DetectorStats = {
  backends: Partial<Record<WorkerName, string>>;
  /** Each detector's last whole run (for writing, its last full look). */
  lastMs: Partial<Record<RiskSource, number>>;
  /** The text detector's last glance at the whole frame. */
  glanceMs?: number;
  runs: Record<RiskSource, number>;
  error?: string;
};

/**
 * Which slower detectors run besides faces and objects. During a take only what can walk into view
 * matters (people, faces, phones), and the recorder needs the CPU: writing, text and photo sweeps stay off.
 */
type CheckOptions = { text: boolean; photos: boolean };
const FULL_CHECK: CheckOptions = { text: true, photos: true };

/** One detection worker: frames in (transferred), replies out, matched by id. */
function modelWorker(worker: Worker, camera: HTMLVideoElement, onStatus: (reply: Extract<DetectReply, { kind: 'ready' | 'failed' }>) => void) {
  const pending = new Map<number, (reply: DetectReply) => void>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<DetectReply>) => {
    const reply = event.data;
    if (reply.kind === 'ready' || (reply.kind === 'failed' && reply.id === undefined)) onStatus(reply);
    if (reply.kind !== 'ready' && reply.id !== undefined) {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    }
  };
  const detect: DetectOnCamera = (run) => {
    const frame = cameraFrame(camera);
    if (!frame) return Promise.resolve(undefined);
    return new Promise<DetectReply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const request: DetectRequest = { id, frame, ...run };
      worker.postMessage(request, [frame]);
    });
  };
  return { detect, terminate: () => worker.terminate() };
}

/** The browser's camera, workers and clock, as the check's loops take them. */
function browserDevices(camera: HTMLVideoElement, text: boolean, onStatus: (name: WorkerName) => (reply: Extract<DetectReply, { kind: 'ready' | 'failed' }>) => void) {
  const models = modelWorker(new Worker(new URL('./detector.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-detector' }), camera, onStatus('models'));
  const writing = text
    ? modelWorker(new Worker(new URL('./writing.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-writing' }), camera, onStatus('writing'))
    : undefined;
  const thumbnails = startThumbnails();
  let thumbnail: { at: number; picture: Promise<Uint8Array | undefined> } | undefined;
  const devices: CheckDevices = {
    camera: {
      ready: () => !document.hidden && camera.readyState >= 2 && camera.videoWidth > 0,
      size: () => ({ width: camera.videoWidth, height: camera.videoHeight }),
      // One grab per camera frame, shared by every loop that asks for it.
      thumbnail: () => {
        const now = performance.now();
        if (thumbnail && now - thumbnail.at < THUMBNAIL_FRESH_MS) return thumbnail.picture;
        thumbnail = { at: now, picture: thumbnails.read(camera) };
        return thumbnail.picture;
      },
    },
    models: models.detect,
    ...(writing ? { writing: writing.detect, startOcr: async () => {
      const ocr = await startOcr();
      return { read: (lines) => ocr.read(camera, lines), close: () => ocr.close() };
    } } : {}),
    clock: { now: () => performance.now(), wallNow: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
  };
  const close = () => {
    models.terminate();
    writing?.terminate();
    thumbnails.close();
  };
  return { devices, close };
}

export function useCornerCheck(video: HTMLVideoElement | null, live: boolean, options: CheckOptions = FULL_CHECK) {
  const { text, photos } = options;
  const [tracker, setTracker] = useState<TrackerState>(() => newTracker(Date.now()));
  const [stats, setStats] = useState<DetectorStats>({ backends: {}, lastMs: {}, runs: newTracker(0).runs });
  const trackerRef = useRef(tracker);

  useEffect(() => {
    if (!video || !live) return;
    const status = (name: WorkerName) => (reply: Extract<DetectReply, { kind: 'ready' | 'failed' }>) =>
      setStats((previous) =>
        reply.kind === 'ready'
          ? { ...previous, backends: { ...previous.backends, [name]: reply.backend } }
          : { ...previous, error: t('corner.error.detectorStart', { reason: reply.message }) },
      );
    const { devices, close } = browserDevices(video, text, status);
    trackerRef.current = newTracker(Date.now());
    setTracker(trackerRef.current);
    const store = { get: () => trackerRef.current, set: (next: TrackerState) => ((trackerRef.current = next), setTracker(next)) };
    const stop = startCheckLoops(devices, store, {
      // A glance's or a partial sweep's time is not shown as the detector's.
      onRun: ({ tracker: folded, source, ms, scope }) =>
        setStats((previous) => ({
          ...previous,
          lastMs: ms !== undefined && isWholeRun(scope) ? { ...previous.lastMs, [source]: Math.round(ms) } : previous.lastMs,
          glanceMs: scope.glance && !scope.lookedAt && ms !== undefined ? Math.round(ms) : previous.glanceMs,
          runs: folded.runs,
        })),
      onError: (message) => setStats((previous) => ({ ...previous, error: message })),
    }, { photos });
    return () => {
      stop();
      close();
    };
  }, [video, live, text, photos]);

  const accept = useCallback((id: number) => {
    trackerRef.current = acceptRisk(trackerRef.current, id);
    setTracker(trackerRef.current);
  }, []);

  return { tracker, stats, accept };
}
