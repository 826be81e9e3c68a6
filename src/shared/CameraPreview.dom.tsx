import { type CSSProperties, type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../app/language.dom';
import { useCamera } from './useCamera.dom';

/**
 * Live camera preview with a camera picker, or a plain message saying why there is no picture.
 * `onLive` hands the playing video element to whoever analyses it; `overlay` is drawn over the picture.
 */
export function CameraPreview({ onLive, overlay }: { onLive?: (video: HTMLVideoElement | null) => void; overlay?: ReactNode } = {}) {
  const t = useT();
  const { state, devices, deviceId, chooseDevice, retry } = useCamera();
  const videoRef = useRef<HTMLVideoElement>(null);
  const pickerId = useId();

  useEffect(() => {
    const video = videoRef.current;
    if (video && state.status === 'live') {
      video.srcObject = state.stream;
      void video.play().catch(() => undefined);
      onLive?.(video);
      return () => onLive?.(null);
    }
    return undefined;
  }, [state, onLive]);

  const track = state.status === 'live' ? state.stream.getVideoTracks()[0]?.getSettings() : undefined;
  const activeId = deviceId ?? track?.deviceId;
  // The picture's own shape sizes the stage, so that it fits the window's height beside what to fix.
  const stageStyle = track?.width && track.height ? ({ '--camera-aspect': track.width / track.height } as CSSProperties) : undefined;

  return (
    <section className="camera" aria-label={t('camera.preview.label')}>
      <div className="camera-toolbar">
        <label htmlFor={pickerId}>{t('camera.picker.label')}</label>
        <select
          id={pickerId}
          value={activeId ?? ''}
          onChange={(event) => chooseDevice(event.target.value)}
          disabled={devices.length === 0}
        >
          {devices.length === 0 && <option value="">{t('camera.picker.none')}</option>}
          {devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || t('camera.picker.unnamed', { n: index + 1 })}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'failed' ? (
        <div className="camera-problem" role="alert">
          <p className="camera-problem-title">{state.problem.title}</p>
          <p>{state.problem.advice}</p>
          <button type="button" onClick={retry}>
            {t('camera.retry')}
          </button>
        </div>
      ) : (
        <div className="camera-stage" style={stageStyle}>
          <video
            ref={videoRef}
            className="camera-video"
            data-testid="camera-video"
            aria-label={state.status === 'live' ? t('camera.video.live') : t('camera.video.starting')}
            muted
            playsInline
            autoPlay
          />
          {state.status === 'live' && overlay}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {state.status === 'starting' ? t('camera.status.starting') : state.status === 'live' ? t('camera.status.live') : ''}
      </p>
    </section>
  );
}
