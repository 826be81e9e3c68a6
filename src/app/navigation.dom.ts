/**
 * How one area hands the worker on to the next: Home's main button, "Next: record a take" after the check,
 * "Make clean copies of kept takes" in a session. The App owns the open area; the areas ask through this.
 */
import { createContext, useContext } from 'react';

export type AreaId = 'home' | 'corner' | 'sanitize' | 'sessions' | 'deal' | 'settings';

/**
 * Files handed to Sanitize from elsewhere, whose clean copies are made at once; `id` tells requests apart.
 * `keepOwnFace`: their session's check accepted the worker's face in view (keepsOwnFace).
 */
export type CleanRequest = { id: number; paths: string[]; keepOwnFace: boolean };

export type Navigation = {
  /** Opens `area`; focus goes to the element with id `focus` in it once shown, else to the area's heading. */
  go: (area: AreaId, focus?: string) => void;
  /** Opens Sanitize with `paths` added (each with its corner-check areas), and starts their clean copies. */
  clean: (paths: string[], keepOwnFace: boolean) => void;
};

export const NavigationContext = createContext<Navigation>({ go: () => undefined, clean: () => undefined });

export const useNavigation = (): Navigation => useContext(NavigationContext);
