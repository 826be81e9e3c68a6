/**
 * The camera as React state: the list of video inputs, the chosen one, its live stream, and a plain
 * message when it cannot start. Stops the tracks whenever the choice changes or the view goes away.
 */
import { useCallback, useEffect, useState } from 'react';
import { type CameraProblem, describeCameraError } from '../../core/media/camera.std';

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
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    const constraints: MediaStreamConstraints = {
      video: deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    };
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
