/**
 * The camera as React state: the list of video inputs, the chosen one, its live stream, and a plain
 * message when it cannot start. Stops the tracks whenever the choice changes or the view goes away.
 */
import { useCallback, useEffect, useState } from 'react';
import { type CameraProblem, describeCameraError } from '../../core/media/camera.std';

/**
 * The camera the worker chose in Check corner, for this run of the app: the take recorder films with the same
 * camera at the same size, so areas marked in the check land where they were marked.
 */
let chosenCamera: string | undefined;

/** What to ask the browser for: the chosen camera (or the default one) at 1280x720 if it can. */
export function cameraConstraints(audio = false): MediaStreamConstraints {
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return { video: chosenCamera ? { deviceId: { exact: chosenCamera }, ...size } : size, audio };
}

type CameraState =
  | { status: 'starting' }
  | { status: 'live'; stream: MediaStream }
  | { status: 'failed'; problem: CameraProblem };

export function useCamera(): {
  state: CameraState;
  devices: MediaDeviceInfo[];
  deviceId: string | undefined;
  chooseDevice: (id: string) => void;
  retry: () => void;
} {
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(chosenCamera);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    chosenCamera = deviceId;
    const constraints = cameraConstraints();
    const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
    (mediaDevices ? mediaDevices.getUserMedia(constraints) : Promise.reject(new DOMException('no mediaDevices', 'NotFoundError')))
      .then(async (started) => {
        if (cancelled) {
          started.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = started;
        // Labels are only visible once permission is granted, so list devices after the stream starts.
        const all = await navigator.mediaDevices.enumerateDevices();
        setDevices(all.filter((device) => device.kind === 'videoinput'));
        setState({ status: 'live', stream: started });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const name = error instanceof DOMException ? error.name : 'Error';
        setState({ status: 'failed', problem: describeCameraError(name) });
      });
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [deviceId, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((count) => count + 1);
  }, []);
  const chooseDevice = useCallback((id: string) => {
    setState({ status: 'starting' });
    setDeviceId(id);
  }, []);
  return { state, devices, deviceId, chooseDevice, retry };
}
