import { useCallback, useEffect, useRef, useState } from 'react';
import { describeCameraError } from '../../core/media/camera.std';
import { formatClock } from '../../core/shared/clock.std';
import { visibleRisks } from '../../core/corner/tracker.std';
import { api, call } from '../app/api.dom';
import { useCornerCheck } from '../corner/useCornerCheck.dom';

/** Seconds of countdown before a take starts: time to get into position. */
const COUNTDOWN_SECONDS = 3;
/** MediaRecorder hands over a chunk this often; each goes to disk at once. */
const CHUNK_MS = 1000;

/** During a take the detector watches for what walks into view; text and photo sweeps wait for the next check. */
const TAKE_CHECK = { text: false, photos: false };

type SeenRisk = { id: number; atSeconds: number; label: string; where: string };

type Phase =
  | { name: 'idle' }
  | { name: 'countdown'; left: number }
  | { name: 'recording'; seconds: number }
  | { name: 'saving' }
  | { name: 'saved'; takeId: string; durationSeconds: number }
  | { name: 'failed'; message: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Records takes from the camera: countdown, take timer, stop, then keep or retake. Chunks are streamed to
 * main as they arrive (never held whole), in order, each one on disk before the next is sent.
 */
export function TakeRecorder({ onChange, withSound }: { onChange: () => void; withSound: boolean }) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  // The element as a ref (to attach the stream) and as state (the detector starts once it exists).
  const preview = useRef<HTMLVideoElement | null>(null);
  const [previewElement, setPreviewElement] = useState<HTMLVideoElement | null>(null);
  const attachPreview = useCallback((element: HTMLVideoElement | null) => {
    preview.current = element;
    setPreviewElement(element);
  }, []);
  const stream = useRef<MediaStream | undefined>(undefined);
  const recorder = useRef<MediaRecorder | undefined>(undefined);
  // The detector starts with the countdown, so what is already in view is known when recording starts.
  const { tracker } = useCornerCheck(previewElement, phase.name === 'countdown' || phase.name === 'recording', TAKE_CHECK);
  const current = useRef<{ takeId: string; startedAt: number } | undefined>(undefined);
  const [seen, setSeen] = useState<SeenRisk[]>([]);

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

  // A new choice of sound needs a new stream; leaving the view releases the camera.
  useEffect(
    () => () => {
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = undefined;
    },
    [withSound],
  );

  async function record() {
    try {
      stream.current ??= await navigator.mediaDevices.getUserMedia({ video: true, audio: withSound });
      if (preview.current) {
        preview.current.srcObject = stream.current;
        void preview.current.play().catch(() => undefined);
      }
    } catch (error) {
      const problem = describeCameraError(error instanceof DOMException ? error.name : 'Error');
      setPhase({ name: 'failed', message: `${problem.title} ${problem.advice}` });
      return;
    }
    setSeen([]);
    for (let left = COUNTDOWN_SECONDS; left > 0; left--) {
      setPhase({ name: 'countdown', left });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    try {
      const { takeId } = await call(api['takes:begin']({}));
      onChange();
      const mediaRecorder = new MediaRecorder(stream.current, { mimeType: 'video/webm' });
      recorder.current = mediaRecorder;
      let index = 0;
      let sending: Promise<unknown> = Promise.resolve();
      let failure: string | undefined;
      mediaRecorder.ondataavailable = (event) => {
        const chunkIndex = index++;
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
      setPhase({ name: 'saved', takeId, durationSeconds: saved.durationSeconds });
    } catch (error) {
      setPhase({ name: 'failed', message: (error as Error).message });
    }
    onChange();
  }

  async function retake(takeId: string) {
    await call(api['takes:discard']({ takeId })).catch((error: Error) => setPhase({ name: 'failed', message: error.message }));
    onChange();
    void record();
  }

  return (
    <div className="take-recorder" aria-label="Record a take">
      <video ref={attachPreview} className="take-preview" muted playsInline aria-label="Camera for the take" />
      <div role="status" aria-live="polite" className="take-status">
        {phase.name === 'countdown' && <span className="countdown">Recording in {phase.left}…</span>}
        {phase.name === 'recording' && <span>● Recording {formatClock(phase.seconds)}</span>}
        {phase.name === 'saving' && <span>Saving the take…</span>}
        {phase.name === 'saved' && <span>Take saved ({formatClock(phase.durationSeconds)}).</span>}
        {phase.name === 'failed' && <span className="error-text">{phase.message}</span>}
      </div>
      {seen.length > 0 && (
        <ul className="take-risks" aria-label="Seen during this take" aria-live="polite">
          {seen.map((risk) => (
            <li key={risk.id}>
              {formatClock(risk.atSeconds)} {risk.label}, {risk.where}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {(phase.name === 'idle' || phase.name === 'failed') && (
          <button type="button" className="primary" onClick={() => void record()}>
            Record a take
          </button>
        )}
        {phase.name === 'recording' && (
          <button type="button" className="primary" onClick={() => recorder.current?.stop()}>
            Stop
          </button>
        )}
        {phase.name === 'saved' && (
          <>
            <button type="button" className="primary" onClick={() => setPhase({ name: 'idle' })}>
              Keep
            </button>
            <button type="button" onClick={() => void retake(phase.takeId)}>
              Retake
            </button>
          </>
        )}
      </div>
    </div>
  );
}
