/**
 * Clips made from a real photo at test time, as a webcam would see a room when the camera pans and zooms
 * across it: each frame is a window on the photo, and the labelled boxes move with the window (the truth on
 * every frame). For redaction's tests and bench/redact-eval; nothing is copied into the repository.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { Box } from '../../core/media/geometry.std';
import { resolveFfmpeg, resolveFfprobe } from '../../services/media/binaries.node';
import { ffmpegRawFrames } from '../../services/media/ffmpeg.node';
import { yuvFrameBytes } from '../../core/sanitize/redactPixels.std';
import { planDecodeFrames } from '../../core/sanitize/redactPlan.std';

const ffmpegPath = () => resolveFfmpeg().path;
const ffprobePath = () => resolveFfprobe().path;

export type PanClip = { file: string; width: number; height: number; framesPerSecond: number; frames: number };

/**
 * The window on the photo at `t` (0..1 over the clip): it starts zoomed out on the photo's left part, pans to
 * the right while zooming in by `zoom`, with the output's aspect ratio, always inside the photo.
 */
export function panWindow(t: number, photo: { width: number; height: number }, aspect: number, zoom = 1.25): Box {
  const fullW = Math.min(photo.width * 0.85, photo.height * aspect);
  const w = fullW / (1 + (zoom - 1) * t);
  const h = w / aspect;
  const x = (photo.width - w) * t;
  const y = (photo.height - h) * (0.5 + 0.3 * Math.sin(t * Math.PI) - 0.15);
  return { x, y, w, h };
}

/** A photo's box as seen in the clip's frame showing `window`. */
export function boxInWindow(box: Box, window: Box, frame: { width: number; height: number }): Box {
  const scale = frame.width / window.w;
  return { x: (box.x - window.x) * scale, y: (box.y - window.y) * scale, w: box.w * scale, h: box.h * scale };
}

/**
 * Writes the clip: `seconds` at `framesPerSecond`, `width`x`height`, H.264 (CRF 18, as a good webcam). Frames
 * are rendered here (bilinear, from the photo's RGB), so the truth is exact.
 */
export async function makePanClip(photo: string, out: string, options: { seconds: number; framesPerSecond?: number; width?: number; height?: number }): Promise<PanClip> {
  const framesPerSecond = options.framesPerSecond ?? 30;
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const frames = Math.round(options.seconds * framesPerSecond);
  const info = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', photo], { encoding: 'utf8' }).trim().split(',').map(Number);
  const [pw, ph] = info as [number, number];
  const rgb = execFileSync(ffmpegPath(), ['-v', 'error', '-i', photo, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 256 * 1024 * 1024 });
  const encoder = spawn(ffmpegPath(), [
    '-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', String(framesPerSecond), '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-y', out,
  ], { stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => encoder.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`)))));
  const frame = Buffer.alloc(width * height * 3);
  for (let n = 0; n < frames; n += 1) {
    const window = panWindow(frames === 1 ? 0 : n / (frames - 1), { width: pw, height: ph }, width / height);
    const step = window.w / width;
    for (let row = 0; row < height; row += 1) {
      const sy = Math.min(ph - 1.001, Math.max(0, window.y + (row + 0.5) * step - 0.5));
      const y0 = Math.floor(sy);
      const fy = sy - y0;
      for (let col = 0; col < width; col += 1) {
        const sx = Math.min(pw - 1.001, Math.max(0, window.x + (col + 0.5) * step - 0.5));
        const x0 = Math.floor(sx);
        const fx = sx - x0;
        const a = (y0 * pw + x0) * 3;
        const b = a + 3;
        const c = a + pw * 3;
        const d = c + 3;
        const o = (row * width + col) * 3;
        for (let k = 0; k < 3; k += 1) {
          frame[o + k] = (rgb[a + k]! * (1 - fx) + rgb[b + k]! * fx) * (1 - fy) + (rgb[c + k]! * (1 - fx) + rgb[d + k]! * fx) * fy;
        }
      }
    }
    if (!encoder.stdin.write(frame)) await new Promise((resolve) => encoder.stdin.once('drain', resolve));
  }
  encoder.stdin.end();
  await done;
  return { file: out, width, height, framesPerSecond, frames };
}

/** Where each labelled box of the photo is on frame `n` of the clip. */
export function truthOnFrame(labels: readonly Box[], photo: { width: number; height: number }, clip: PanClip, n: number): Box[] {
  const window = panWindow(clip.frames === 1 ? 0 : n / (clip.frames - 1), photo, clip.width / clip.height);
  return labels.map((box) => boxInWindow(box, window, clip));
}

/** A labelled box counts as in view when at least half of it is in the frame. */
const IN_VIEW_SHARE = 0.5;
/** ...and as hidden when at least this much of what is in view lies under hidden regions. */
export const HIDDEN_SHARE = 0.9;

/** How much of `box` (its part inside the frame) the `hidden` regions cover, on a 16x16 grid of points. */
export function coveredShare(box: Box, hidden: readonly Box[], frame: { width: number; height: number }): number {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(frame.width, box.x + box.w);
  const y1 = Math.min(frame.height, box.y + box.h);
  if (x1 <= x0 || y1 <= y0) return 0;
  let covered = 0;
  const steps = 16;
  for (let i = 0; i < steps; i += 1) {
    for (let j = 0; j < steps; j += 1) {
      const x = x0 + ((i + 0.5) / steps) * (x1 - x0);
      const y = y0 + ((j + 0.5) / steps) * (y1 - y0);
      if (hidden.some((region) => x >= region.x && x <= region.x + region.w && y >= region.y && y <= region.y + region.h)) covered += 1;
    }
  }
  return covered / (steps * steps);
}

/** Whether `box` is in view on a frame: at least half of it inside. */
export function inView(box: Box, frame: { width: number; height: number }): boolean {
  const w = Math.max(0, Math.min(frame.width, box.x + box.w) - Math.max(0, box.x));
  const h = Math.max(0, Math.min(frame.height, box.y + box.h) - Math.max(0, box.y));
  return w * h >= IN_VIEW_SHARE * box.w * box.h;
}

/**
 * For one labelled box over a clip: the frames it is in view, those it is hidden in, the visible frames
 * between hidden ones (a flicker: a single frame shown between hidden frames), and how much of it hidden
 * regions cover on each frame it shows (`shownCovered`).
 */
export function hiddenOverClip(truth: (frame: number) => Box, hiddenAt: (frame: number) => readonly Box[], clip: PanClip) {
  let inViewFrames = 0;
  let hiddenFrames = 0;
  let flickers = 0;
  const states: boolean[] = [];
  const shownCovered: number[] = [];
  for (let n = 0; n < clip.frames; n += 1) {
    const box = truth(n);
    if (!inView(box, clip)) {
      states.push(true);
      continue;
    }
    inViewFrames += 1;
    const covered = coveredShare(box, hiddenAt(n), clip);
    const hidden = covered >= HIDDEN_SHARE;
    if (hidden) hiddenFrames += 1;
    else shownCovered.push(covered);
    states.push(hidden);
  }
  for (let n = 1; n < states.length - 1; n += 1) if (!states[n] && states[n - 1] && states[n + 1]) flickers += 1;
  return { inViewFrames, hiddenFrames, flickers, shownCovered };
}

/** Frame `index` of a clip as raw yuv420p at `size`, decoded as redaction decodes it. */
export async function decodedFrame(file: string, index: number, size: { width: number; height: number }): Promise<Uint8Array> {
  let n = 0;
  for await (const frame of ffmpegRawFrames(planDecodeFrames(file, size), yuvFrameBytes(size.width, size.height))) if (n++ === index) return frame;
  throw new Error(`${file} has no frame ${index}`);
}
