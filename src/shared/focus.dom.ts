/**
 * Focus after an action that changes the view (Start session, Record, Stop, End session): it goes to the
 * first of `ids` once React has drawn it, never back to the page body. A later id is a fallback, taken when
 * the earlier ones have not appeared within a second (a view still reading its data draws them late), and
 * held meanwhile if the pressed button has gone; when none has appeared, it waits up to five seconds (work
 * that reports its first progress late).
 */
const FALLBACK_AFTER_TRIES = 20;
const MAX_TRIES = 100;
const TRY_MS = 50;

const focusable = (id: string) => {
  const element = document.getElementById(id);
  return element && !element.closest('[hidden]') && !(element as HTMLButtonElement).disabled ? element : undefined;
};

/** Only the latest request moves focus: an older one still waiting for its element gives up. */
let latestRequest = 0;

export function focusWhenShown(...ids: string[]): void {
  const request = ++latestRequest;
  let tries = 0;
  // While the first choice is awaited and focus has been lost (the button pressed has gone), it waits on the
  // first fallback already there, so Tab never starts again from the top of the page. Focus moves only while
  // the user has not moved it: it is where the action left it, lost, or on that fallback.
  const pressed = document.activeElement;
  let waitingOn: HTMLElement | undefined;
  const lost = () => !document.activeElement || document.activeElement === document.body;
  const untouched = () => lost() || document.activeElement === pressed || document.activeElement === waitingOn;
  const attempt = () => {
    if (request !== latestRequest) return;
    const index = ids.findIndex((id) => focusable(id));
    const element = index >= 0 ? focusable(ids[index]!) : undefined;
    if (element && (index === 0 || tries >= FALLBACK_AFTER_TRIES)) {
      if (untouched()) element.focus();
      return;
    }
    if (element && lost()) {
      element.focus();
      waitingOn = element;
    }
    if (++tries <= MAX_TRIES) setTimeout(attempt, TRY_MS);
  };
  requestAnimationFrame(attempt);
}
