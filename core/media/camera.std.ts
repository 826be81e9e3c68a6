/**
 * Plain-language messages for the ways a camera can fail to start. getUserMedia reports failures as
 * DOMException names; the user needs to know what happened and what to do next.
 */
import { t } from '../i18n/i18n.std';

export type CameraProblem = { title: string; advice: string };

export function describeCameraError(errorName: string): CameraProblem {
  const problem = cameraProblemOf(errorName);
  return { title: t(`media.camera.${problem}.title`), advice: t(`media.camera.${problem}.advice`) };
}

function cameraProblemOf(errorName: string): 'denied' | 'notFound' | 'busy' | 'failed' {
  switch (errorName) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
