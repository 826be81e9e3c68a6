/**
 * How one area hands the worker on to the next: Home's main button, "Next: record a take" after the check,
 * "Make clean copies of kept takes" in a session. The App owns the open area; the areas ask through this.
 */
import { createContext, useContext } from 'react';
import type { KeepsOwnFaceSession } from '../../core/sessions/workflow.std';

export type AreaId = 'home' | 'corner' | 'sanitize' | 'sessions' | 'deal' | 'settings';

/**
 * Files handed to Sanitize from elsewhere, whose clean copies are made at once; `id` tells requests apart.
 * `keepOwnFace`: in their session's check the worker said a face in view is theirs (keepsOwnFace).
 */
export type CleanRequest = { id: number; paths: string[]; keepOwnFace: boolean };

export type Navigation = {
  /** Opens `area`; focus goes to the element with id `focus` in it once shown, else to the area's heading. */
  go: (area: AreaId, focus?: string) => void;
  /**
   * Opens Sanitize with `paths` added (each with its corner-check areas), and starts their clean copies, as
   * the check of `session`, whose files they are, chose for the worker's own face.
   */
  clean: (paths: string[], session: KeepsOwnFaceSession) => void;
};

export const NavigationContext = createContext<Navigation>({ go: () => undefined, clean: () => undefined });

export const useNavigation = (): Navigation => useContext(NavigationContext);
