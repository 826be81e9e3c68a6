/**
 * A page of print drawn here, which the text detector and tesseract each look at once as they start. The first
 * time a session's camera shows writing is otherwise the first time their code for it runs, compiled as it
 * goes and at a fraction of its speed, on the two cores the object models need at that moment to confirm what
 * came into view with the page (bench/flag-time's first entry). Looked at while the models load, before the
 * camera shows anything, that cost delays no flag.
 */
const LINES = [
  'Move the letter out of view, or mark it',
  'to blur it in the clean copy of each take.',
  'Account 0042 1187 6630   Balance 1,204.50',
  'Check your corner again before filming.',
];

/** A sheet with lines of print on a grey desk, as the camera would show it (RGBA pixels, 640x480). */
export function printedPage(): ImageData {
  const [width, height] = [640, 480];
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
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
