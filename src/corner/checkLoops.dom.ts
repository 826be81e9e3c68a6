/**
 * The live corner check's loops, outside React: faces and objects in the models worker, the text detector in
 * its own worker and OCR in tesseract's, each at its own cadence, each run folded into the stable-flag tracker.
 * What to run next is decided by the pure schedulers (core/corner/*Schedule.std.ts); this file only keeps their
 * memory between runs and carries out what they say. Everything it touches (camera, workers, OCR, the clock)
 * comes in through CheckDevices, so the hook hands it the browser's and the tests hand it fakes.
 */
import type { RiskSource } from '../../core/corner/risks.std';
import { objectModelsToConfirm } from '../../core/corner/confirmation.std';
import { BOTH_OBJECT_MODELS, type FrameDetections, type TextLine } from '../../core/corner/detections.std';
import { assessFrame } from '../../core/corner/risks.std';
import { changedRegion, pictureChanged } from '../../core/corner/sceneChange.std';
import { MAX_CREDIT, type PeriodicRun, type ScheduledRun, creditAt, faceWaitingSince, nextModelRun, objectsRunRegion, photoSweepRegion } from '../../core/corner/modelSchedule.std';
import { type LastReading, type WritingStillness, readingOutdated, readingPutOff, readingYields, writingStillness } from '../../core/corner/readingSchedule.std';
import { mayRest } from '../../core/corner/rest.std';
import { nextWritingLook } from '../../core/corner/writingSchedule.std';
import { type RunScope, type TrackerState, isWholeRun, mergeLookedAt, trackRun } from '../../core/corner/tracker.std';
import type { WritingLine } from '../../core/corner/writingLines.std';
import { t } from '../../core/i18n/i18n.std';
import { messageOf } from '../../core/shared/errors.std';
import type { DetectReply, DetectRequest, ModelRun } from './detectorProtocol.dom';

/** Rest between OCR runs (each takes about a second): it shares two cores with the models. */
const OCR_REST_MS = 500;
/** A detector resting on a still picture (mayRest) checks this often whether it has changed: about every other camera frame. */
const STILL_CHECK_MS = 50;
/** How long a loop waits for a camera that has no picture to give (not started, hidden window, no frame). */
const NO_PICTURE_WAIT_MS = 100;
/** How long a loop waits after its worker failed a run, before it asks again. */
const FAILED_RUN_WAIT_MS = 1000;

/** Runs a model on the camera's current frame; undefined when the camera had no frame to give right now. */
export type DetectOnCamera = (run: Omit<DetectRequest, 'id' | 'frame'>) => Promise<DetectReply | undefined>;

export type CheckDevices = {
  camera: {
    /** Whether there is a picture to check: a hidden window checks nothing, so no CPU goes to frames nobody sees. */
    ready: () => boolean;
    size: () => { width: number; height: number };
    /** A thumbnail of the picture now (sceneChange.std.ts); undefined without one (then it counts as changing). */
    thumbnail: () => Promise<Uint8Array | undefined>;
  };
  models: DetectOnCamera;
  /** The text detector's worker, when writing is checked. */
  writing?: DetectOnCamera;
  /** Starts tesseract, when writing is checked: it reads the camera's current frame where `writing` is. */
  startOcr?: () => Promise<{ read: (writing: readonly WritingLine[]) => Promise<TextLine[]>; close: () => Promise<void> }>;
  clock: {
    /** Monotonic milliseconds (performance.now): the schedules' time. */
    now: () => number;
    /** Wall-clock milliseconds (Date.now): the tracker's time. */
    wallNow: () => number;
    sleep: (ms: number) => Promise<void>;
  };
};

type CheckEvents = {
  /** A run was folded into the tracker; `ms` is left out for a run that had nothing to do. */
  onRun: (run: { tracker: TrackerState; source: RiskSource; ms?: number; scope: RunScope }) => void;
  onError: (message: string) => void;
};

/** The tracker the loops fold into: the hook's, so that accepting a risk and the loops see the same state. */
type TrackerStore = { get: () => TrackerState; set: (tracker: TrackerState) => void };

/**
 * Starts the loops; they run until the returned stop() is called. `photos` turns the photo sweeps on (a take
 * turns them off: the recorder needs the CPU).
 */
export function startCheckLoops(devices: CheckDevices, store: TrackerStore, events: CheckEvents, options: { photos: boolean }): () => void {
  const { camera, clock } = devices;
  let stopped = false;
  /** The camera frame's size when the object models last ran: the other's finds stand only in the same pixels. */
  let latestObjectsFrame: { width: number; height: number } | undefined;
  const latest: Required<Omit<FrameDetections, 'width' | 'height'>> = { faces: [], tileFaces: [], faceboxes: [], objects: [], ssdObjects: [], writing: [], lines: [] };

  const fold = (source: RiskSource, ms?: number, scope: RunScope = {}) => {
    const frame: FrameDetections = { ...camera.size(), ...latest };
    const tracker = trackRun(store.get(), source, assessFrame(frame), clock.wallNow(), scope);
    store.set(tracker);
    events.onRun({ tracker, source, ...(ms !== undefined ? { ms } : {}), scope });
  };
  const changedSince = (before: Uint8Array | undefined, picture: Uint8Array | undefined) => !picture || pictureChanged(before, picture);

  /** Each model's last whole run (ms): how often the next one comes round. */
  const modelMs: Record<ScheduledRun['run'], number> = { faces: 0, objects: 0, photos: 0 };
  /** When the text detector's last look began, and how long it took. */
  const lastLookTime = { at: -Infinity, ms: 0 };
  const nextModel = modelSchedule(options.photos);
  const nextWriting = writingSchedule();

  /**
   * What a loop runs next: its model, and what the run can see; undefined to rest (mayRest). `still`: the
   * picture is as this model last saw it whole; `picture`: its thumbnail now, for a photos run (FaceBoxes' finds
   * between its looks).
   */
  type NextRun = { run: ModelRun; scope: RunScope; still?: boolean; picture?: Uint8Array } | undefined;

  function modelSchedule(photos: boolean): () => Promise<NextRun> {
    const lastRunAt: Record<ScheduledRun['run'], number> = { faces: -Infinity, objects: -Infinity, photos: -Infinity };
    const creditAfterLastRun: Record<PeriodicRun, number> = { objects: MAX_CREDIT, photos: MAX_CREDIT };
    /** When the last photo sweep of the whole frame began. */
    let lastWholeSweepAt = -Infinity;
    /** The thumbnail of the picture each model last looked at whole. */
    const lastPictureSeen: Partial<Record<ScheduledRun['run'], Uint8Array>> = {};
    let previous: ScheduledRun | undefined;
    let faceWaiting: number | undefined;
    return async () => {
      const picture = await camera.thumbnail();
      const changed = {
        faces: changedSince(lastPictureSeen.faces, picture),
        objects: changedSince(lastPictureSeen.objects, picture),
        photos: changedSince(lastPictureSeen.photos, picture),
      };
      const now = clock.now();
      const tracker = store.get();
      faceWaiting = faceWaitingSince(faceWaiting, tracker, now);
      const schedule = { lastRunAt, creditAfterLastRun, lastMs: modelMs, previous, photos, changed, faceWaitingSince: faceWaiting };
      const next = nextModelRun(now, schedule, tracker);
      if (next === 'rest') return undefined;
      previous = next;
      if (next.run !== 'faces') creditAfterLastRun[next.run] = creditAt(next.run, now, schedule) - 1;
      lastRunAt[next.run] = now;
      let scope: RunScope = {};
      if (next.run === 'photos') {
        const changedPart = picture && changedRegion(lastPictureSeen.photos, picture, camera.size());
        const region = photoSweepRegion(next.why, tracker, camera.size(), changedPart, { sinceMs: now - lastWholeSweepAt, ms: modelMs.photos });
        if (region) scope = { lookedAt: region };
        else lastWholeSweepAt = now;
      }
      if (next.run === 'objects') {
        const region = objectsRunRegion(next.why, tracker, camera.size());
        if (region) scope = { lookedAt: region };
      }
      // A sweep of where the picture changed has seen all of it: the rest is as the last sweep saw it.
      if (!scope.lookedAt || next.why !== 'confirm') lastPictureSeen[next.run] = picture;
      return { run: next.run, scope, still: !changed[next.run], ...(next.run === 'photos' && picture ? { picture } : {}) };
    };
  }
  function writingSchedule(): () => Promise<NextRun> {
    let glancesSinceFullLook = 0;
    let lastLook: RunScope | undefined;
    /** The thumbnails of the pictures the text detector last looked at whole, and last looked at in full. */
    const writingSaw: { look?: Uint8Array; fullLook?: Uint8Array } = {};
    return async () => {
      const picture = await camera.thumbnail();
      const now = clock.now();
      const still = {
        changedSinceLook: changedSince(writingSaw.look, picture),
        changedSinceFullLook: changedSince(writingSaw.fullLook, picture),
        sinceLookMs: now - lastLookTime.at,
        lookMs: lastLookTime.ms,
      };
      const look = nextWritingLook(glancesSinceFullLook, lastLook, store.get(), camera.size(), still);
      if (look === 'rest') return undefined;
      lastLook = look;
      lastLookTime.at = now;
      glancesSinceFullLook = look.glance ? glancesSinceFullLook + 1 : 0;
      if (!look.lookedAt) writingSaw.look = picture;
      if (isWholeRun(look)) writingSaw.fullLook = picture;
      return { run: 'writing', scope: look };
    };
  }

  /** Runs a worker's models on camera frames until stopped, folding each run into the tracker. */
  async function detectLoop(detect: DetectOnCamera, next: () => Promise<NextRun>) {
    while (!stopped) {
      if (!camera.ready()) {
        await clock.sleep(NO_PICTURE_WAIT_MS);
        continue;
      }
      const chosen = await next();
      if (!chosen) {
        await clock.sleep(STILL_CHECK_MS);
        continue;
      }
      const { run, still, picture } = chosen;
      const region = chosen.scope.lookedAt;
      // An objects confirmation runs only the models whose finds make flags where it looks (the other's finds
      // stand), and then judges only what is new there: a flag the other model made is not its to miss.
      const frame = camera.size();
      const sameFrame = latestObjectsFrame?.width === frame.width && latestObjectsFrame.height === frame.height;
      const objectModels = run === 'objects' && region && sameFrame ? objectModelsToConfirm(region, { ...frame, objects: latest.objects, ssdObjects: latest.ssdObjects }) : BOTH_OBJECT_MODELS;
      const scope = objectModels.centernet && objectModels.ssd ? chosen.scope : { ...chosen.scope, newOnly: true };
      // The worker scales the frame for its model and answers in the camera's pixels.
      const reply = await detect({
        run,
        ...(region ? { region } : {}),
        ...(scope.glance ? { glance: true } : {}),
        ...(still ? { still } : {}),
        ...(picture ? { thumbnail: picture } : {}),
        ...(run === 'objects' ? { objectModels } : {}),
      });
      if (stopped) break;
      if (!reply) {
        await clock.sleep(NO_PICTURE_WAIT_MS);
        continue;
      }
      if (reply.kind !== 'detected') {
        if (reply.kind === 'failed') await clock.sleep(FAILED_RUN_WAIT_MS);
        continue;
      }
      // A confirmation's time is not a whole sweep's: only whole runs set how often the next one comes round.
      if (run === 'writing') lastLookTime.ms = reply.ms;
      else if (isWholeRun(scope)) modelMs[run] = reply.ms;
      if (run === 'objects') {
        Object.assign(latest, { objects: objectModels.centernet ? reply.objects : latest.objects, ssdObjects: objectModels.ssd ? reply.ssdObjects : latest.ssdObjects });
        latestObjectsFrame = frame;
      } else if (run === 'photos') Object.assign(latest, { tileFaces: mergeLookedAt(latest.tileFaces, reply.faces, region), faceboxes: mergeLookedAt(latest.faceboxes, reply.faceboxes, region) });
      else if (run === 'writing') latest.writing = mergeLookedAt(latest.writing, reply.writing, region);
      else latest.faces = reply.faces;
      fold(run, reply.ms, scope);
    }
  }

  // OCR reads only where the text detector last saw writing: a frame without any has nothing to read, and
  // OCR's second of CPU goes back to the other models. It also waits while the detectors confirm new
  // sightings, so that the flags' second runs do not share the CPU with it (readingYields); once what it
  // read is settled, rests while the picture stays still where writing is (mayRest, readingOutdated); and
  // while that part keeps changing, waits for it to hold still (readingPutOff).
  async function ocrLoop(startOcr: NonNullable<CheckDevices['startOcr']>) {
    let ocr: Awaited<ReturnType<typeof startOcr>> | undefined;
    let lastRead: LastReading & { at: number; ms: number } = { at: -Infinity, ms: 0, writingIds: new Set() };
    let stillness: WritingStillness = { since: -Infinity };
    // Since when it has waited for sightings to be confirmed (readingYields).
    let yieldingSince: number | undefined;
    try {
      ocr = await startOcr();
      while (!stopped) {
        const tracker = store.get();
        const yields = readingYields(tracker, yieldingSince, clock.now());
        yieldingSince = yields.since;
        if (!camera.ready() || tracker.runs.writing === 0 || yields.waits) {
          await clock.sleep(NO_PICTURE_WAIT_MS);
          continue;
        }
        if (latest.writing.length === 0) {
          latest.lines = [];
          fold('text');
        } else {
          const picture = await camera.thumbnail();
          const begin = clock.now();
          const frame = camera.size();
          stillness = writingStillness(stillness, picture, tracker, frame, begin);
          const outdated = readingOutdated(lastRead, picture, tracker, frame);
          const waits = outdated
            ? readingPutOff(lastRead, tracker, stillness, begin)
            : mayRest('text', tracker, { changed: false, sinceLookMs: begin - lastRead.at, lookMs: lastRead.ms });
          if (waits) {
            await clock.sleep(STILL_CHECK_MS);
            continue;
          }
          const writingIds = new Set(tracker.tracks.filter((track) => track.source === 'writing').map((track) => track.id));
          const lines = await ocr.read(latest.writing).catch((error: unknown) => {
            // One reading failed (the camera gave no frame, say): say so, and try again after the rest.
            events.onError(t('corner.error.reading', { reason: messageOf(error) }));
            return undefined;
          });
          if (stopped) break;
          if (!lines) {
            await clock.sleep(OCR_REST_MS);
            continue;
          }
          latest.lines = lines;
          lastRead = { at: begin, ms: clock.now() - begin, picture, writingIds };
          fold('text', lastRead.ms);
        }
        await clock.sleep(OCR_REST_MS);
      }
    } catch (error) {
      events.onError(t('corner.error.readingStart', { reason: messageOf(error) }));
    } finally {
      await ocr?.close();
    }
  }

  void detectLoop(devices.models, nextModel);
  if (devices.writing) void detectLoop(devices.writing, nextWriting);
  if (devices.startOcr) void ocrLoop(devices.startOcr);
  return () => {
    stopped = true;
  };
}
