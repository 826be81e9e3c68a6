import { useCallback, useEffect, useRef, useState } from 'react';
import { TAKE_UNFED_AFTER_MS } from '../../core/sessions/takes.std';
import { describeCameraError } from '../../core/media/camera.std';
import { formatClock } from '../../core/shared/clock.std';
import { visibleRisks } from '../../core/corner/tracker.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { useCornerCheck } from '../corner/useCornerCheck.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { cameraConstraints } from '../shared/useCamera.dom';

/** Seconds of countdown before a take starts: time to get into position. */
const COUNTDOWN_SECONDS = 3;
/** MediaRecorder hands over a chunk this often; each goes to disk at once. */
const CHUNK_MS = 1000;

/** How many times the recorder asks main, as it opens, to close a take main says may still be fed. */
const UNFINISHED_ATTEMPTS = 4;

/** During a take the detector watches for what walks into view; text and photo sweeps wait for the next check. */
const TAKE_CHECK = { text: false, photos: false };

type SeenRisk = { id: number; atSeconds: number; label: string; where: string };

type Phase =
  | { name: 'idle' }
  | { name: 'confirm' }
  | { name: 'countdown'; left: number }
  | { name: 'recording'; seconds: number }
  | { name: 'saving' }
  /** `playback`: the take's bytes to watch; none for a take cut off when the window closed (closeUnfinished). */
  | { name: 'saved'; takeId: string; durationSeconds: number; playback?: string }
  | { name: 'failed'; message: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Space starts and stops a take only where it does not already press a focused control or type a character. */
const isTypingOrControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A|SUMMARY|VIDEO)$/.test(target.tagName));

export type TakeRecorderProps = {
  onChange: () => void;
  /** Recording waits while the session is paused, the worker is on a break or the question about ending it is open: why, in words; undefined to record. */
  paused: string | undefined;
  /** What the session's corner check left open (or that there was none): shown beside Record, asked about once. */
  warnings: string[];
  /** The take waiting for Keep or Retake, if any: it is not counted as kept until Keep. */
  onPending: (takeId: string | undefined) => void;
};

/**
 * Records takes from the camera: a live preview from the start, a countdown that can be cancelled, the take
 * timer, stop, playback, then keep or retake. Chunks are streamed to main as they arrive (never held whole by
 * main), in order, each one on disk before the next is sent; the renderer keeps the take's bytes only for
 * its playback.
 */
export function TakeRecorder({ onChange, paused, warnings, onPending }: TakeRecorderProps) {
  const t = useT();
  const { go } = useNavigation();
  const [withSound, setWithSound] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  /** A take is being counted down, recorded or saved: a second press of Space or Record is not a second take. */
  const busy = useRef(false);
  const [cameraReady, setCameraReady] = useState(false);
  const phaseRef = useRef(phase);
  useEffect(() => {
    phaseRef.current = phase;
  });
  // The element as a ref (to attach the stream) and as state (the detector starts once it exists).
  const preview = useRef<HTMLVideoElement | null>(null);
  const [previewElement, setPreviewElement] = useState<HTMLVideoElement | null>(null);
  const attachPreview = useCallback((element: HTMLVideoElement | null) => {
    preview.current = element;
    setPreviewElement(element);
  }, []);
  const stream = useRef<MediaStream | undefined>(undefined);
  const recorder = useRef<MediaRecorder | undefined>(undefined);
  const cancelled = useRef(false);
  const asked = useRef(false);
  // The detector starts with the countdown, so what is already in view is known when recording starts.
  const { tracker } = useCornerCheck(previewElement, phase.name === 'countdown' || phase.name === 'recording', TAKE_CHECK);
  const current = useRef<{ takeId: string; startedAt: number } | undefined>(undefined);
  const [seen, setSeen] = useState<SeenRisk[]>([]);
  /** Why the camera gives no picture: the error's name, put in words when drawn, in the language of the moment. */
  const [cameraError, setCameraError] = useState<string>();

  // Every risk in view during a take is logged on it once, at the time it first appeared (0 if before).
  useEffect(() => {
    const take = current.current;
    if (!take) return;
    const fresh = visibleRisks(tracker).filter((risk) => !risk.accepted && !seen.some((known) => known.id === risk.id));
    if (fresh.length === 0) return;
    const logged = fresh.map((risk) => ({ id: risk.id, atSeconds: Math.max(0, (risk.firstSeenAt - take.startedAt) / 1000), label: risk.label, where: risk.where }));
    setSeen((list) => [...list, ...logged]);
    for (const [index, risk] of logged.entries()) {
      void call(api['takes:risk']({ takeId: take.takeId, atSeconds: risk.atSeconds, category: fresh[index]!.category, label: risk.label })).catch(() => undefined);
    }
  }, [tracker, seen]);

  // Leaving the recorder cancels a countdown (no take is begun) and stops a take being recorded: it is
  // saved and kept, since footage is never deleted without the worker's word. Declared before the camera's
  // effect, so that on leaving it runs first: the recorder hands over its last chunk before the camera stops.
  useEffect(
    () => () => {
      cancelled.current = true;
      if (recorder.current?.state === 'recording') recorder.current.stop();
    },
    [],
  );

  // The preview is live from the start (a new stream when the choice of sound changes); leaving releases the camera.
  useEffect(() => {
    let stopped = false;
    navigator.mediaDevices.getUserMedia(cameraConstraints(withSound)).then(
      (media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream.current = media;
        setCameraError(undefined);
        setCameraReady(true);
        if (preview.current) {
          preview.current.srcObject = media;
          void preview.current.play().catch(() => undefined);
        }
      },
      (error: unknown) => {
        setCameraError(error instanceof DOMException ? error.name : 'Error');
      },
    );
    return () => {
      stopped = true;
      setCameraReady(false);
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = undefined;
    };
  }, [withSound]);


  // A take cut off when the window reloaded or the app closed mid-take is closed with what reached the disk,
  // and offered for Keep or Retake as a take just made (main leaves it a moment while chunks may still come).
  useEffect(() => {
    let mounted = true;
    void (async () => {
      for (let attempt = 0; attempt < UNFINISHED_ATTEMPTS && mounted; attempt++) {
        const answer = await api['takes:closeUnfinished']({});
        if (!answer.ok || !mounted) return;
        const last = answer.value.closed.at(-1);
        // Offered only while nothing else is under way here (a take begun meanwhile keeps its own choice).
        if (last && phaseRef.current.name === 'idle') {
          onPending(last.takeId);
          setPhase({ name: 'saved', takeId: last.takeId, durationSeconds: last.durationSeconds });
          focusWhenShown('keep-take');
          onChange();
        }
        if (!answer.value.waiting) return;
        await new Promise((resolve) => setTimeout(resolve, TAKE_UNFED_AFTER_MS + 100));
      }
    })();
    return () => {
      mounted = false;
    };
    // Once, when the recorder opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Pausing the session during a countdown cancels it: a paused session records nothing.
  useEffect(() => {
    if (paused) cancelled.current = true;
  }, [paused]);

  // The playback's bytes are released when it is replaced or the recorder closes.
  const playback = phase.name === 'saved' ? phase.playback : undefined;
  useEffect(() => () => void (playback && URL.revokeObjectURL(playback)), [playback]);

  async function record(confirmed = false) {
    // Every way in (Record, Record anyway, Retake, Space) waits while recording waits.
    if (!stream.current || busy.current || paused) return;
    if (warnings.length > 0 && !asked.current && !confirmed) {
      setPhase({ name: 'confirm' });
      focusWhenShown('record-anyway');
      return;
    }
    asked.current = true;
    busy.current = true;
    try {
      await recordTake();
    } finally {
      busy.current = false;
    }
  }
  // The keyboard handler, registered once, starts takes through the latest `record`.
  const recordRef = useRef(record);
  useEffect(() => {
    recordRef.current = record;
  });

  async function recordTake() {
    setSeen([]);
    cancelled.current = false;
    focusWhenShown('cancel-countdown');
    for (let left = COUNTDOWN_SECONDS; left > 0; left--) {
      setPhase({ name: 'countdown', left });
      // In tenths, so that Cancel and Esc stop it at once.
      for (let tenth = 0; tenth < 10 && !cancelled.current; tenth++) await new Promise((resolve) => setTimeout(resolve, 100));
      if (cancelled.current) {
        setPhase({ name: 'idle' });
        focusWhenShown('record-take');
        return;
      }
    }
    let begun: string | undefined;
    try {
      const { takeId } = await call(api['takes:begin']({}));
      begun = takeId;
      onPending(takeId);
      onChange();
      const media = stream.current;
      if (!media) throw new Error(t('sessions.take.cameraStopped'));
      const mediaRecorder = new MediaRecorder(media, { mimeType: 'video/webm' });
      recorder.current = mediaRecorder;
      const parts: Blob[] = [];
      let index = 0;
      let sending: Promise<unknown> = Promise.resolve();
      let failure: string | undefined;
      mediaRecorder.ondataavailable = (event) => {
        const chunkIndex = index++;
        parts.push(event.data);
        sending = sending.then(async () => {
          const data = toBase64(new Uint8Array(await event.data.arrayBuffer()));
          const result = await api['takes:chunk']({ takeId, index: chunkIndex, data });
          if (!result.ok) failure ??= result.error.message;
        });
      };
      const started = Date.now();
      current.current = { takeId, startedAt: started };
      const timer = setInterval(() => setPhase({ name: 'recording', seconds: (Date.now() - started) / 1000 }), 250);
      setPhase({ name: 'recording', seconds: 0 });
      focusWhenShown('stop-take');
      await new Promise<void>((resolve) => {
        mediaRecorder.onstop = () => resolve();
        mediaRecorder.start(CHUNK_MS);
      });
      clearInterval(timer);
      current.current = undefined;
      setPhase({ name: 'saving' });
      await sending;
      if (failure) throw new Error(failure);
      const saved = await call(api['takes:finish']({ takeId }));
      setPhase({ name: 'saved', takeId, durationSeconds: saved.durationSeconds, playback: URL.createObjectURL(new Blob(parts, { type: 'video/webm' })) });
      focusWhenShown('keep-take');
    } catch (error) {
      // A take that could not be made whole is not left behind as a kept clip.
      if (begun) await call(api['takes:discard']({ takeId: begun })).catch(() => undefined);
      onPending(undefined);
      setPhase({ name: 'failed', message: (error as Error).message });
    }
    onChange();
  }

  const stop = useCallback(() => recorder.current?.stop(), []);

  // Space starts a take and stops it (the worker may be across the room); Esc cancels the countdown.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = phaseRef.current.name;
      if (event.repeat) return;
      if (event.key === 'Escape' && now === 'countdown') {
        cancelled.current = true;
        event.preventDefault();
      } else if (event.key === ' ' && !isTypingOrControl(event.target)) {
        if (now === 'recording') stop();
        else if ((now === 'idle' || now === 'failed') && !paused) void recordRef.current();
        else return;
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stop, paused]);

  async function retake(takeId: string) {
    try {
      await call(api['takes:discard']({ takeId }));
    } catch (error) {
      // Not discarded: it stays the take waiting for Keep or Retake, and no new one starts.
      setPhase({ name: 'failed', message: (error as Error).message });
      return;
    }
    onPending(undefined);
    onChange();
    void record(true);
  }

  function keep() {
    onPending(undefined);
    setPhase({ name: 'idle' });
    onChange();
    focusWhenShown('record-take');
  }

  const canRecord = !paused && !cameraError && cameraReady;
  const cameraProblem = cameraError === undefined ? undefined : describeCameraError(cameraError);
  return (
    <div className="take-recorder" role="group" aria-label={t('sessions.take.record')}>
      <div className="take-stage">
        <video ref={attachPreview} className="take-preview" muted playsInline aria-label={t('sessions.take.cameraLabel')} hidden={phase.name === 'saved' && phase.playback !== undefined} />
        {phase.name === 'saved' && phase.playback && <video className="take-preview" src={phase.playback} controls aria-label={t('sessions.take.playbackLabel')} />}
      </div>
      <div className="take-side">
        <label>
          <input type="checkbox" checked={withSound} disabled={phase.name !== 'idle' && phase.name !== 'failed'} onChange={(e) => setWithSound(e.target.checked)} />{' '}
          {t('sessions.take.withSound')}
        </label>
        <div role="status" aria-live="polite" className="take-status">
          {phase.name === 'countdown' && <span className="countdown">{t('sessions.take.countdown', { seconds: phase.left })}</span>}
          {phase.name === 'recording' && <span>{t('sessions.take.recording', { time: formatClock(phase.seconds) })}</span>}
          {phase.name === 'saving' && <span>{t('sessions.take.saving')}</span>}
          {phase.name === 'saved' && <span>{t(phase.playback ? 'sessions.take.saved' : 'sessions.take.cutOff', { time: formatClock(phase.durationSeconds) })}</span>}
          {phase.name === 'failed' && <span className="error-text">{phase.message}</span>}
          {cameraProblem && (
            <span className="error-text">
              {cameraProblem.title} {cameraProblem.advice}
            </span>
          )}
        </div>
        {warnings.length > 0 && (phase.name === 'idle' || phase.name === 'confirm' || phase.name === 'failed') && (
          <ul className="take-warnings" aria-label={t('sessions.take.warningsLabel')}>
            {warnings.map((warning) => (
              <li key={warning}>⚠ {warning}</li>
            ))}
          </ul>
        )}
        {seen.length > 0 && (
          <ul className="take-risks" aria-label={t('sessions.take.seenLabel')} aria-live="polite">
            {seen.map((risk) => (
              <li key={risk.id}>
                {t('sessions.take.seenRisk', { time: formatClock(risk.atSeconds), risk: risk.label, where: risk.where })}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          {(phase.name === 'idle' || phase.name === 'failed') && (
            <>
              <button type="button" className="primary" id="record-take" onClick={() => void record()} disabled={!canRecord} aria-describedby="record-reason">
                {t('sessions.take.record')}
              </button>
              <span id="record-reason" className="hint">
                {paused
                  ? paused
                  : cameraError
                    ? t('sessions.take.noCamera')
                    : cameraReady
                      ? t('sessions.take.spaceHint')
                      : t('sessions.take.startingCamera')}
              </span>
            </>
          )}
          {phase.name === 'confirm' && (
            <>
              <button type="button" className="primary" id="record-anyway" onClick={() => void record(true)}>
                {t('sessions.take.recordAnyway')}
              </button>
              <button type="button" onClick={() => go('corner')}>
                {t('sessions.take.checkCornerFirst')}
              </button>
            </>
          )}
          {phase.name === 'countdown' && (
            <button
              type="button"
              id="cancel-countdown"
              onClick={() => {
                cancelled.current = true;
              }}
            >
              {t('sessions.take.cancelCountdown')}
            </button>
          )}
          {phase.name === 'recording' && (
            <button type="button" className="primary" id="stop-take" onClick={stop}>
              {t('sessions.take.stop')}
            </button>
          )}
          {phase.name === 'saved' && (
            <>
              <button type="button" className="primary" id="keep-take" onClick={keep}>
                {t('sessions.take.keep')}
              </button>
              <button type="button" onClick={() => void retake(phase.takeId)}>
                {t('sessions.take.retake')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
