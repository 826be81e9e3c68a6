/**
 * The live corner check: grabs camera frames, runs faces and objects in the detection worker and OCR in
 * tesseract's worker, each at its own cadence, and folds every run into the stable-flag tracker. The UI
 * thread only grabs frames and draws; the preview runs at the camera's own rate whatever the models do.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Box, scaleBox } from '../../core/detect/geometry.std';
import { type FrameDetections, type RiskSource, assessFrame } from '../../core/detect/risks.std';
import { type TrackerState, acceptRisk, newTracker, trackRun } from '../../core/detect/tracker.std';
import type { DetectReply, DetectRequest, ModelRun } from './detectorProtocol';
import { type Ocr, startOcr } from './ocr';

/** Frames for the models are this wide (Human resizes to its models' inputs anyway; smaller is cheaper to move). */
const DETECT_WIDTH = 640;
/**
 * Objects (CenterNet, ~310 ms here) run at most this often; faces (BlazeFace, ~100 ms) fill the time between,
 * so a face is seen several times a second and a new object within about a second.
 */
const OBJECTS_EVERY_MS = 700;
/** A sweep of face tiles (six BlazeFace runs) at most this often: photos on a wall stay where they are. */
const PHOTOS_EVERY_MS = 2000;
/** Rest between OCR runs (each takes about a second): it shares two cores with the models. */
const OCR_REST_MS = 500;

export type DetectorStats = { backend?: string; lastMs: Partial<Record<RiskSource, number>>; runs: Record<RiskSource, number>; error?: string };

/**
 * Which slower detectors run besides faces and objects. During a take only what can walk into view
 * matters (people, faces, phones), and the recorder needs the CPU: text and photo sweeps stay off.
 */
export type CheckOptions = { text: boolean; photos: boolean };
const FULL_CHECK: CheckOptions = { text: true, photos: true };

export function useCornerCheck(video: HTMLVideoElement | null, live: boolean, options: CheckOptions = FULL_CHECK) {
  const { text, photos } = options;
  const [tracker, setTracker] = useState<TrackerState>(() => newTracker(Date.now()));
  const [stats, setStats] = useState<DetectorStats>({ lastMs: {}, runs: newTracker(0).runs });
  const trackerRef = useRef(tracker);

  const fold = useCallback((source: RiskSource, frame: FrameDetections, ms: number) => {
    trackerRef.current = trackRun(trackerRef.current, source, assessFrame(frame), Date.now());
    setTracker(trackerRef.current);
    setStats((previous) => ({ ...previous, lastMs: { ...previous.lastMs, [source]: Math.round(ms) }, runs: trackerRef.current.runs }));
  }, []);

  useEffect(() => {
    if (!video || !live) return;
    const camera: HTMLVideoElement = video;
    let stopped = false;
    const latest: Required<Omit<FrameDetections, 'width' | 'height'>> = { faces: [], tileFaces: [], objects: [], lines: [] };
    const frameOf = (): FrameDetections => ({ width: camera.videoWidth, height: camera.videoHeight, ...latest });
    const worker = new Worker(new URL('./detector.worker.ts', import.meta.url), { type: 'module', name: 'safetake-detector' });
    const pending = new Map<number, (reply: DetectReply) => void>();
    let nextId = 1;
    worker.onmessage = (event: MessageEvent<DetectReply>) => {
      const reply = event.data;
      if (reply.kind === 'ready') setStats((previous) => ({ ...previous, backend: reply.backend }));
      else if (reply.kind === 'failed' && reply.id === undefined) setStats((previous) => ({ ...previous, error: reply.message }));
      if (reply.kind !== 'ready' && reply.id !== undefined) {
        pending.get(reply.id)?.(reply);
        pending.delete(reply.id);
      }
    };
    const detect = (frame: ImageBitmap, run: ModelRun) =>
      new Promise<DetectReply>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const request: DetectRequest = { id, frame, run };
        worker.postMessage(request, [frame]);
      });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A hidden window (minimised, another tab) checks nothing: no CPU spent on frames nobody sees.
    const videoReady = () => !document.hidden && camera.readyState >= 2 && camera.videoWidth > 0;

    // Faces fill the time between the slower runs; objects and photo sweeps come round on their own clocks.
    const lastRunAt: Record<'objects' | 'photos', number> = { objects: -Infinity, photos: -Infinity };
    const nextRun = (): ModelRun => {
      const now = performance.now();
      const slow = photos ? (['objects', 'photos'] as const) : (['objects'] as const);
      const due = slow.find((run) => now - lastRunAt[run] >= (run === 'objects' ? OBJECTS_EVERY_MS : PHOTOS_EVERY_MS));
      if (due) lastRunAt[due] = now;
      return due ?? 'faces';
    };

    async function modelLoop() {
      while (!stopped) {
        if (!videoReady()) {
          await sleep(100);
          continue;
        }
        const run = nextRun();
        const height = Math.round((DETECT_WIDTH * camera.videoHeight) / camera.videoWidth);
        const frame = await createImageBitmap(camera, { resizeWidth: DETECT_WIDTH, resizeHeight: height, resizeQuality: 'medium' });
        const reply = await detect(frame, run);
        if (stopped || reply.kind !== 'detected') {
          if (reply.kind === 'failed') await sleep(1000);
          continue;
        }
        const toVideo = <T extends { box: Box }>(found: T[]) => found.map((item) => ({ ...item, box: scaleBox(item.box, camera.videoWidth / reply.width) }));
        if (run === 'objects') latest.objects = toVideo(reply.objects);
        else if (run === 'photos') latest.tileFaces = toVideo(reply.faces);
        else latest.faces = toVideo(reply.faces);
        fold(run, frameOf(), reply.ms);
      }
    }

    async function ocrLoop() {
      let ocr: Ocr | undefined;
      try {
        ocr = await startOcr();
        while (!stopped) {
          if (!videoReady()) {
            await sleep(100);
            continue;
          }
          const begin = performance.now();
          latest.lines = await ocr.read(camera, camera.videoWidth, camera.videoHeight);
          if (stopped) break;
          fold('text', frameOf(), performance.now() - begin);
          await sleep(OCR_REST_MS);
        }
      } catch (error) {
        setStats((previous) => ({ ...previous, error: `Text reading could not start: ${error instanceof Error ? error.message : String(error)}` }));
      } finally {
        await ocr?.close();
      }
    }

    trackerRef.current = newTracker(Date.now());
    setTracker(trackerRef.current);
    void modelLoop();
    if (text) void ocrLoop();
    return () => {
      stopped = true;
      worker.terminate();
    };
  }, [video, live, fold, text, photos]);

  const accept = useCallback((id: number) => {
    trackerRef.current = acceptRisk(trackerRef.current, id);
    setTracker(trackerRef.current);
  }, []);

  return { tracker, stats, accept };
}
