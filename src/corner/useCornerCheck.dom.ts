/**
 * The live corner check: grabs camera frames, runs faces and objects in the detection worker, the text
 * detector in its own worker and OCR in tesseract's, each at its own cadence, and folds every run into the
 * stable-flag tracker. The UI thread only hands camera frames over (cameraFrames.ts), reads a tiny thumbnail
 * of each and draws; the scaling and the models run in workers, so the preview keeps the camera's own rate.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Box } from '../../core/media/geometry.std';
import { type FrameDetections, type RiskSource, assessFrame } from '../../core/corner/risks.std';
import { type RunScope, type TrackerState, acceptRisk, isWholeRun, mergeLookedAt, newTracker, trackRun } from '../../core/corner/tracker.std';
import { changedRegion, pictureChanged } from '../../core/corner/sceneChange.std';
import { MAX_CREDIT, type PeriodicRun, type ScheduledRun, awaitsConfirmation, creditAt, faceWaitingSince, type LastReading, mayRest, nextModelRun, nextWritingLook, photoSweepRegion, readingOutdated, readingPutOff, type WritingStillness, writingStillness } from '../../core/corner/schedule.std';
import { messageOf } from '../../core/shared/errors.std';
import { cameraFrame, startThumbnails } from './cameraFrames.dom';
import { type DetectReply, type DetectRequest, type ModelRun } from './detectorProtocol.dom';
import { type Ocr, startOcr } from './ocr.dom';

/** Rest between OCR runs (each takes about a second): it shares two cores with the models. */
const OCR_REST_MS = 500;
/** A detector resting on a still picture (mayRest) checks this often whether it has changed: about every other camera frame. */
const STILL_CHECK_MS = 50;
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
export type CheckOptions = { text: boolean; photos: boolean };
const FULL_CHECK: CheckOptions = { text: true, photos: true };

/** One detection worker: frames in (transferred), replies out, matched by id. */
function modelWorker(worker: Worker, onStatus: (reply: Extract<DetectReply, { kind: 'ready' | 'failed' }>) => void) {
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
  return {
    detect: (frame: VideoFrame, run: Omit<DetectRequest, 'id' | 'frame'>) =>
      new Promise<DetectReply>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const request: DetectRequest = { id, frame, ...run };
        worker.postMessage(request, [frame]);
      }),
    terminate: () => worker.terminate(),
  };
}

export function useCornerCheck(video: HTMLVideoElement | null, live: boolean, options: CheckOptions = FULL_CHECK) {
  const { text, photos } = options;
  const [tracker, setTracker] = useState<TrackerState>(() => newTracker(Date.now()));
  const [stats, setStats] = useState<DetectorStats>({ backends: {}, lastMs: {}, runs: newTracker(0).runs });
  const trackerRef = useRef(tracker);

  /**
   * Folds one run into the tracker, within what it could see (`scope`); `ms` is left out for a run that had
   * nothing to do, and a glance's or partial sweep's time is not shown as the detector's.
   */
  const fold = useCallback((source: RiskSource, frame: FrameDetections, ms?: number, scope: RunScope = {}) => {
    trackerRef.current = trackRun(trackerRef.current, source, assessFrame(frame), Date.now(), scope);
    setTracker(trackerRef.current);
    setStats((previous) => ({
      ...previous,
      lastMs: ms !== undefined && isWholeRun(scope) ? { ...previous.lastMs, [source]: Math.round(ms) } : previous.lastMs,
      glanceMs: scope.glance && !scope.lookedAt && ms !== undefined ? Math.round(ms) : previous.glanceMs,
      runs: trackerRef.current.runs,
    }));
  }, []);

  useEffect(() => {
    if (!video || !live) return;
    const camera: HTMLVideoElement = video;
    let stopped = false;
    const latest: Required<Omit<FrameDetections, 'width' | 'height'>> = { faces: [], tileFaces: [], objects: [], writing: [], lines: [] };
    const frameOf = (): FrameDetections => ({ width: camera.videoWidth, height: camera.videoHeight, ...latest });
    const status = (name: WorkerName) => (reply: Extract<DetectReply, { kind: 'ready' | 'failed' }>) =>
      setStats((previous) => (reply.kind === 'ready' ? { ...previous, backends: { ...previous.backends, [name]: reply.backend } } : { ...previous, error: reply.message }));
    const models = modelWorker(new Worker(new URL('./detector.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-detector' }), status('models'));
    const writingModel = text ? modelWorker(new Worker(new URL('./writing.worker.dom.ts', import.meta.url), { type: 'module', name: 'safetake-writing' }), status('writing')) : undefined;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A hidden window (minimised, another tab) checks nothing: no CPU spent on frames nobody sees.
    const videoReady = () => !document.hidden && camera.readyState >= 2 && camera.videoWidth > 0;
    const thumbnails = startThumbnails();
    let thumbnail: { at: number; picture: Promise<Uint8Array | undefined> } | undefined;
    /**
     * The camera's picture averaged down to a few hundred cells of brightness, to tell whether it has changed
     * (undefined without a 2D canvas). One grab per camera frame, shared by every loop that asks for it.
     */
    const grabThumbnail = () => {
      const now = performance.now();
      if (thumbnail && now - thumbnail.at < THUMBNAIL_FRESH_MS) return thumbnail.picture;
      const picture = thumbnails.read(camera);
      thumbnail = { at: now, picture };
      return picture;
    };
    /** Without a thumbnail the picture counts as changing: nothing rests and the periods are never stretched. */
    const changedSince = (before: Uint8Array | undefined, picture: Uint8Array | undefined) => !picture || pictureChanged(before, picture);

    const lastRunAt: Record<ScheduledRun['run'], number> = { faces: -Infinity, objects: -Infinity, photos: -Infinity };
    const creditAfterLastRun: Record<PeriodicRun, number> = { objects: MAX_CREDIT, photos: MAX_CREDIT };
    const lastMs: Record<ScheduledRun['run'], number> = { faces: 0, objects: 0, photos: 0 };
    /** When the last photo sweep of the whole frame began. */
    let lastWholeSweepAt = -Infinity;
    /** The thumbnail of the picture each model last looked at whole. */
    const lastPictureSeen: Partial<Record<ScheduledRun['run'], Uint8Array>> = {};
    /**
     * What a loop runs next: its model, and what the run can see (for a confirmation, only the part around
     * what is new, in video pixels; for writing, whether it is a glance); undefined to rest (mayRest).
     */
    type NextRun = { run: ModelRun; scope: RunScope } | undefined;
    let previous: ScheduledRun | undefined;
    let faceWaiting: number | undefined;
    const nextModel = async (): Promise<NextRun> => {
      const picture = await grabThumbnail();
      const changed = { faces: changedSince(lastPictureSeen.faces, picture), objects: changedSince(lastPictureSeen.objects, picture), photos: changedSince(lastPictureSeen.photos, picture) };
      const now = performance.now();
      faceWaiting = faceWaitingSince(faceWaiting, trackerRef.current, now);
      const schedule = { lastRunAt, creditAfterLastRun, lastMs, previous, photos, changed, faceWaitingSince: faceWaiting };
      const next = nextModelRun(now, schedule, trackerRef.current);
      if (next === 'rest') return undefined;
      previous = next;
      if (next.run !== 'faces') creditAfterLastRun[next.run] = creditAt(next.run, now, schedule) - 1;
      lastRunAt[next.run] = now;
      const frame = { width: camera.videoWidth, height: camera.videoHeight };
      let region: Box | undefined;
      if (next.run === 'photos') {
        const changedPart = picture && changedRegion(lastPictureSeen.photos, picture, frame);
        region = photoSweepRegion(next.why, trackerRef.current, frame, changedPart, { sinceMs: now - lastWholeSweepAt, ms: lastMs.photos });
        if (!region) lastWholeSweepAt = now;
      }
      // A sweep of where the picture changed has seen all of it: the rest is as the last sweep saw it.
      if (!region || next.why !== 'confirm') lastPictureSeen[next.run] = picture;
      return { run: next.run, scope: region ? { lookedAt: region } : {} };
    };
    let glancesSinceFullLook = 0;
    let lastLook: RunScope | undefined;
    /** When the text detector's last look began, and how long it took. */
    const lastLookTime = { at: -Infinity, ms: 0 };
    /** The thumbnails of the pictures the text detector last looked at whole, and last looked at in full. */
    const writingSaw: { look?: Uint8Array; fullLook?: Uint8Array } = {};
    const nextWriting = async (): Promise<NextRun> => {
      const picture = await grabThumbnail();
      const now = performance.now();
      const still = {
        changedSinceLook: changedSince(writingSaw.look, picture),
        changedSinceFullLook: changedSince(writingSaw.fullLook, picture),
        sinceLookMs: now - lastLookTime.at,
        lookMs: lastLookTime.ms,
      };
      const look = nextWritingLook(glancesSinceFullLook, lastLook, trackerRef.current, { width: camera.videoWidth, height: camera.videoHeight }, still);
      if (look === 'rest') return undefined;
      lastLook = look;
      lastLookTime.at = now;
      glancesSinceFullLook = look.glance ? glancesSinceFullLook + 1 : 0;
      if (!look.lookedAt) writingSaw.look = picture;
      if (isWholeRun(look)) writingSaw.fullLook = picture;
      return { run: 'writing', scope: look };
    };

    /** Runs `worker`'s models on camera frames until stopped, folding each run into the tracker. */
    async function detectLoop(worker: ReturnType<typeof modelWorker>, next: () => Promise<NextRun>) {
      while (!stopped) {
        if (!videoReady()) {
          await sleep(100);
          continue;
        }
        const chosen = await next();
        if (!chosen) {
          await sleep(STILL_CHECK_MS);
          continue;
        }
        const frame = cameraFrame(camera);
        if (!frame) {
          await sleep(100);
          continue;
        }
        const { run, scope } = chosen;
        const region = scope.lookedAt;
        // The worker scales the frame for its model and answers in the camera's pixels.
        const reply = await worker.detect(frame, { run, ...(region ? { region } : {}), ...(scope.glance ? { glance: true } : {}) });
        if (stopped || reply.kind !== 'detected') {
          if (reply.kind === 'failed') await sleep(1000);
          continue;
        }
        // A confirmation's time is not a whole sweep's: only whole runs set how often the next one comes round.
        if (run === 'writing') lastLookTime.ms = reply.ms;
        else if (isWholeRun(scope)) lastMs[run] = reply.ms;
        if (run === 'objects') latest.objects = reply.objects;
        else if (run === 'photos') latest.tileFaces = mergeLookedAt(latest.tileFaces, reply.faces, region);
        else if (run === 'writing') latest.writing = mergeLookedAt(latest.writing, reply.writing, region);
        else latest.faces = reply.faces;
        fold(run, frameOf(), reply.ms, scope);
      }
    }

    // OCR reads only where the text detector last saw writing: a frame without any has nothing to read, and
    // OCR's second of CPU goes back to the other models. It also waits while the text detector confirms a new
    // sighting, so that the flag's second run does not share the CPU with it; once what it read is settled,
    // rests while the picture stays still where writing is (mayRest, readingOutdated); and while that part
    // keeps changing, waits for it to hold still (readingPutOff).
    async function ocrLoop() {
      let ocr: Ocr | undefined;
      let lastRead: LastReading & { at: number; ms: number } = { at: -Infinity, ms: 0, writingIds: new Set() };
      let stillness: WritingStillness = { since: -Infinity };
      try {
        ocr = await startOcr();
        while (!stopped) {
          if (!videoReady() || trackerRef.current.runs.writing === 0 || awaitsConfirmation(trackerRef.current, 'writing')) {
            await sleep(100);
            continue;
          }
          if (latest.writing.length === 0) {
            latest.lines = [];
            fold('text', frameOf());
          } else {
            const picture = await grabThumbnail();
            const begin = performance.now();
            const tracker = trackerRef.current;
            const frame = { width: camera.videoWidth, height: camera.videoHeight };
            stillness = writingStillness(stillness, picture, tracker, frame, begin);
            const outdated = readingOutdated(lastRead, picture, tracker, frame);
            const waits = outdated ? readingPutOff(lastRead, tracker, stillness, begin) : mayRest('text', tracker, { changed: false, sinceLookMs: begin - lastRead.at, lookMs: lastRead.ms });
            if (waits) {
              await sleep(STILL_CHECK_MS);
              continue;
            }
            const writingIds = new Set(tracker.tracks.filter((track) => track.source === 'writing').map((track) => track.id));
            const lines = await ocr.read(camera, latest.writing).catch((error: unknown) => {
              // One reading failed (the camera gave no frame, say): say so, and try again after the rest.
              setStats((previous) => ({ ...previous, error: `Reading text failed: ${messageOf(error)}` }));
              return undefined;
            });
            if (stopped) break;
            if (!lines) {
              await sleep(OCR_REST_MS);
              continue;
            }
            latest.lines = lines;
            lastRead = { at: begin, ms: performance.now() - begin, picture, writingIds };
            fold('text', frameOf(), lastRead.ms);
          }
          await sleep(OCR_REST_MS);
        }
      } catch (error) {
        setStats((previous) => ({ ...previous, error: `Text reading could not start: ${messageOf(error)}` }));
      } finally {
        await ocr?.close();
      }
    }

    trackerRef.current = newTracker(Date.now());
    setTracker(trackerRef.current);
    void detectLoop(models, nextModel);
    if (writingModel) {
      void detectLoop(writingModel, nextWriting);
      void ocrLoop();
    }
    return () => {
      stopped = true;
      models.terminate();
      writingModel?.terminate();
      thumbnails.close();
    };
  }, [video, live, fold, text, photos]);

  const accept = useCallback((id: number) => {
    trackerRef.current = acceptRisk(trackerRef.current, id);
    setTracker(trackerRef.current);
  }, []);

  return { tracker, stats, accept };
}
