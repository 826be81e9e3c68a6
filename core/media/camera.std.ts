/**
 * Plain-language messages for the ways a camera can fail to start. getUserMedia reports failures as
 * DOMException names; the user needs to know what happened and what to do next.
 */
export type CameraProblem = { title: string; advice: string };

export function describeCameraError(errorName: string): CameraProblem {
  switch (errorName) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        title: 'Camera permission was denied.',
        advice:
          'SafeTake needs the camera to check your corner. Allow camera access for SafeTake in your system settings, then press "Try again".',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera was found.',
        advice: 'Plug in a webcam or enable the built-in one, then press "Try again".',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'The camera is busy or could not start.',
        advice: 'Close other apps that use the camera (video calls, other recorders), then press "Try again".',
      };
    default:
      return {
        title: 'The camera could not be started.',
        advice: 'Check that it is connected and not used by another app, then press "Try again".',
      };
  }
}
