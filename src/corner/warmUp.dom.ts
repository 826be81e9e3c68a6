/**
 * The text detector and tesseract each look once at a page of print drawn here as they load, before their
 * first camera frame: the detector at a glance (the same code after the model as a full look, for a fraction
 * of its time). Otherwise the first writing the camera shows is also the first time their code for it runs,
 * compiled as it goes at a fraction of its speed, while the object models need the same cores to confirm what
 * came into view with the page (bench/flag-time's first entry); and tesseract's first reading, which the
 * verdict waits for, takes about twice as long as the next (the verdict's wait: bench/flag-time, from
 * opening the check).
 */
const LINES = [
  'Move the letter out of view, or mark it',
  'to blur it in the clean copy of each take.',
  'Account 0042 1187 6630   Balance 1,204.50',
  'Check your corner again before filming.',
];

/** A sheet with lines of print on a grey desk, as a 640x480 camera would show it (RGBA pixels). */
function printedPage(): ImageData {
  const [width, height] = [640, 480];
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas here');
  context.fillStyle = '#6b6b6b';
  context.fillRect(0, 0, width, height);
  const sheet = { x: width * 0.15, y: height * 0.2, w: width * 0.6, h: height * 0.6 };
  context.fillStyle = '#f4f4f0';
  context.fillRect(sheet.x, sheet.y, sheet.w, sheet.h);
  context.fillStyle = '#111';
  const fontPx = Math.round(sheet.w / 24);
  context.font = `${fontPx}px sans-serif`;
  LINES.forEach((line, index) => context.fillText(line, sheet.x + fontPx, sheet.y + fontPx * (2 + index * 1.8), sheet.w - 2 * fontPx));
  return context.getImageData(0, 0, width, height);
}

/**
 * Runs `look` once on the drawn page. What fails here (no 2D canvas, a page not read) only leaves the first
 * real look as slow as it was without this: the model itself has loaded, and loading goes on.
 */
export async function warmUp(look: (page: ImageData) => Promise<unknown>): Promise<void> {
  try {
    await look(printedPage());
  } catch {
    // Nothing to report: the check works as before, its first look a little slower.
  }
}
