/**
 * Focus after an action that changes the view (Start session, Record, Stop, End session): it goes to the
 * first of `ids` once React has drawn it, never back to the page body. A later id is a fallback, taken when
 * the earlier ones have not appeared within a second (a view still reading its data draws them late); when
 * none has, it waits up to five seconds (work that reports its first progress late).
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
  const attempt = () => {
    if (request !== latestRequest) return;
    const index = ids.findIndex((id) => focusable(id));
    if (index === 0 || (index > 0 && tries >= FALLBACK_AFTER_TRIES)) focusable(ids[index]!)!.focus();
    else if (++tries <= MAX_TRIES) setTimeout(attempt, TRY_MS);
  };
  requestAnimationFrame(attempt);
}
