/** How takes stream to main, where both sides must agree. */

/**
 * A take that has had no chunk for this long has no recorder feeding it (chunks come every second): main
 * closes it when asked (takes:closeUnfinished), and the recorder asks again after it when told to wait.
 */
export const TAKE_UNFED_AFTER_MS = 2500;
