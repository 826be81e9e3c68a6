/**
 * How the camera moved over a clip, from its frames: a pan, a tilt, a zoom. Papers, screens and photos on the
 * wall only move when the camera does, so one sighting of a letter says where it is on every frame the
 * camera shows that spot, long after the detector last looked (redactTracks.std.ts). Pure.
 *
 * Each frame is shrunk to a small brightness picture; patches of one are found in the next by block matching;
 * a shift and a zoom fit to their moves (outliers, such as a hand waving, are left out); the moves, chained,
 * map frame 0's pixels to each frame's.
 */
import type { Box } from '../media/geometry.std';

/** frame-0 pixels -> this frame's pixels: x' = scale * x + x, y' = scale * y + y. */
export type CameraPose = { scale: number; x: number; y: number };
export const STILL_CAMERA: CameraPose = { scale: 1, x: 0, y: 0 };

/** Frames are shrunk by this much for matching: a 1280x720 frame becomes 160x90. */
const SHRINK = 8;
/** Patches of this size (shrunk pixels) are searched this far each way: 64 full pixels a frame. */
const PATCH = 16;
const SEARCH = 8;
/** A patch with less contrast than this (mean absolute difference from its mean) cannot be placed: left out. */
const MIN_PATCH_CONTRAST = 3;
/** A patch whose move disagrees with the fit by more than this (shrunk pixels) is an outlier: a moving thing. */
const OUTLIER = 1.5;
/** Moves smaller than this (full pixels) are the sensor's noise: a camera on a desk stays exactly still. */
const STILL_SHIFT = 0.75;
const STILL_ZOOM = 0.0015;

type MotionThumb = { data: Float32Array; width: number; height: number };

/** The brightness plane (a yuv420p frame's Y), shrunk SHRINK times by averaging. */
function motionThumb(luma: Uint8Array, width: number, height: number): MotionThumb {
  const w = Math.floor(width / SHRINK);
  const h = Math.floor(height / SHRINK);
  const data = new Float32Array(w * h);
  for (let row = 0; row < h * SHRINK; row += 1) {
    const out = Math.floor(row / SHRINK) * w;
    const start = row * width;
    for (let col = 0; col < w; col += 1) {
      let sum = 0;
      const from = start + col * SHRINK;
      for (let i = from; i < from + SHRINK; i += 1) sum += luma[i]!;
      data[out + col]! += sum;
    }
  }
  for (let i = 0; i < data.length; i += 1) data[i]! /= SHRINK * SHRINK;
  return { data, width: w, height: h };
}

/**
 * Each patch is first looked for this far (shrunk pixels) around where the camera's last move would put it:
 * the camera moves smoothly, and a full search costs six times as much. A best match on the window's edge
 * means the guess was off: that patch is searched in full.
 */
const NEAR = 2;

/** Where each patch of `before` went in `after`: patch centre and move, shrunk pixels. `guess`: the expected move, full pixels. */
function patchMoves(before: MotionThumb, after: MotionThumb, guess: CameraPose): Array<{ x: number; y: number; dx: number; dy: number }> {
  const moves = [];
  const { width, height } = before;
  for (let py = SEARCH; py + PATCH + SEARCH <= height; py += PATCH) {
    for (let px = SEARCH; px + PATCH + SEARCH <= width; px += PATCH) {
      let mean = 0;
      for (let y = py; y < py + PATCH; y += 1) for (let x = px; x < px + PATCH; x += 1) mean += before.data[y * width + x]!;
      mean /= PATCH * PATCH;
      let contrast = 0;
      for (let y = py; y < py + PATCH; y += 1) for (let x = px; x < px + PATCH; x += 1) contrast += Math.abs(before.data[y * width + x]! - mean);
      if (contrast / (PATCH * PATCH) < MIN_PATCH_CONTRAST) continue;
      const sadAt = (dx: number, dy: number, limit = Number.POSITIVE_INFINITY) => {
        let sad = 0;
        for (let y = py; y < py + PATCH && sad < limit; y += 1) {
          const a = y * width;
          const b = (y + dy) * width + dx;
          for (let x = px; x < px + PATCH; x += 1) sad += Math.abs(before.data[a + x]! - after.data[b + x]!);
        }
        return sad;
      };
      let best = Number.POSITIVE_INFINITY;
      let bestMove = { dx: 0, dy: 0 };
      const search = (x0: number, x1: number, y0: number, y1: number) => {
        for (let dy = Math.max(-SEARCH, y0); dy <= Math.min(SEARCH, y1); dy += 1) {
          for (let dx = Math.max(-SEARCH, x0); dx <= Math.min(SEARCH, x1); dx += 1) {
            const sad = sadAt(dx, dy, best);
            if (sad < best) [best, bestMove] = [sad, { dx, dy }];
          }
        }
      };
      const [cx, cy] = [(px + PATCH / 2) * SHRINK, (py + PATCH / 2) * SHRINK];
      const gx = Math.round((guess.scale * cx + guess.x - cx) / SHRINK);
      const gy = Math.round((guess.scale * cy + guess.y - cy) / SHRINK);
      search(gx - NEAR, gx + NEAR, gy - NEAR, gy + NEAR);
      const onEdge = (value: number, centre: number) => Math.abs(value - centre) === NEAR && Math.abs(value) < SEARCH;
      if (onEdge(bestMove.dx, gx) || onEdge(bestMove.dy, gy) || Math.abs(gx) > SEARCH || Math.abs(gy) > SEARCH) search(-SEARCH, SEARCH, -SEARCH, SEARCH);
      // To a fraction of a shrunk pixel: a parabola through the best match and its neighbours, each way.
      const within = (d: number) => Math.abs(d) < SEARCH;
      const refine = (minus: number, plus: number) => {
        const curve = minus - 2 * best + plus;
        return curve > 0 ? Math.max(-0.5, Math.min(0.5, (minus - plus) / (2 * curve))) : 0;
      };
      // Both ways from the whole-pixel best (the data are read at whole pixels only).
      const { dx, dy } = bestMove;
      const fx = within(dx) ? refine(sadAt(dx - 1, dy), sadAt(dx + 1, dy)) : 0;
      const fy = within(dy) ? refine(sadAt(dx, dy - 1), sadAt(dx, dy + 1)) : 0;
      bestMove = { dx: dx + fx, dy: dy + fy };
      moves.push({ x: px + PATCH / 2, y: py + PATCH / 2, ...bestMove });
    }
  }
  return moves;
}

/** Least squares of x' = s x + tx, y' = s y + ty over the moves. */
function fitPose(moves: ReadonlyArray<{ x: number; y: number; dx: number; dy: number }>): CameraPose | undefined {
  if (moves.length < 3) return undefined;
  const n = moves.length;
  const mx = moves.reduce((sum, move) => sum + move.x, 0) / n;
  const my = moves.reduce((sum, move) => sum + move.y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const move of moves) {
    const [cx, cy] = [move.x - mx, move.y - my];
    numerator += cx * (move.x + move.dx - mx) + cy * (move.y + move.dy - my);
    denominator += cx * cx + cy * cy;
  }
  const scale = denominator > 0 ? numerator / denominator : 1;
  const meanAfterX = mx + moves.reduce((sum, move) => sum + move.dx, 0) / n;
  const meanAfterY = my + moves.reduce((sum, move) => sum + move.dy, 0) / n;
  return { scale, x: meanAfterX - scale * mx, y: meanAfterY - scale * my };
}

/**
 * How the picture moved from `before` to `after`, in full pixels (before's pixels -> after's). A still camera
 * when too little can be matched (a blank wall, a dark room).
 */
function estimateMotion(before: MotionThumb, after: MotionThumb, guess: CameraPose): CameraPose {
  let moves = patchMoves(before, after, guess);
  let pose = fitPose(moves);
  if (!pose) return STILL_CAMERA;
  const fitted = pose;
  moves = moves.filter((move) => Math.hypot(fitted.scale * move.x + fitted.x - (move.x + move.dx), fitted.scale * move.y + fitted.y - (move.y + move.dy)) <= OUTLIER);
  pose = fitPose(moves) ?? fitted;
  const full = { scale: pose.scale, x: pose.x * SHRINK, y: pose.y * SHRINK };
  // Centre of the frame's move, to judge a zoom and a shift alike.
  const still = Math.abs(full.scale - 1) < STILL_ZOOM && Math.hypot(full.x + (full.scale - 1) * before.width * SHRINK / 2, full.y + (full.scale - 1) * before.height * SHRINK / 2) < STILL_SHIFT;
  return still ? STILL_CAMERA : full;
}

/** A move this large (full pixels at the frame's edge) makes the frame the next reference for those after it. */
const NEW_REFERENCE_SHIFT = 40;

/** How far a pose moves the frame's corners, in full pixels. */
function reach(pose: CameraPose, width: number, height: number): number {
  return Math.max(Math.hypot(pose.x, pose.y), Math.hypot(pose.scale * width + pose.x - width, pose.scale * height + pose.y - height));
}

/**
 * Follows the camera frame by frame: each frame is matched against a reference frame, not against the one
 * before (a slow pan moves less than a shrunk pixel a frame, and small errors would add up), and becomes the
 * reference itself once the picture has moved far enough from it.
 */
export function cameraFollower(width: number, height: number): (luma: Uint8Array) => CameraPose {
  let reference: { thumb: MotionThumb; pose: CameraPose } | undefined;
  // The last frame's move from the reference, and its move from the frame before: the next guess.
  let lastMove = STILL_CAMERA;
  let step = { x: 0, y: 0 };
  return (luma) => {
    const thumb = motionThumb(luma, width, height);
    if (!reference) {
      reference = { thumb, pose: STILL_CAMERA };
      return STILL_CAMERA;
    }
    const move = estimateMotion(reference.thumb, thumb, { scale: lastMove.scale, x: lastMove.x + step.x, y: lastMove.y + step.y });
    step = { x: move.x - lastMove.x, y: move.y - lastMove.y };
    lastMove = move;
    const pose = chainPoses(reference.pose, move);
    if (reach(move, width, height) > NEW_REFERENCE_SHIFT) {
      reference = { thumb, pose };
      lastMove = STILL_CAMERA;
    }
    return pose;
  };
}

/** A pose this close to another (no corner of the frame this many full pixels from where the other puts it) is the same view. */
const SAME_VIEW_PIXELS = 1;

/**
 * Whether the camera held still from frame `from` to frame `to` (`poses` known that far): no pose between
 * moves a corner of the frame a pixel from where `from` had it.
 */
export function heldStill(poses: readonly CameraPose[], from: number, to: number, width: number, height: number): boolean {
  const start = poses[from];
  if (!start || to >= poses.length) return false;
  for (let frame = from + 1; frame <= to; frame += 1) {
    // Where `start`'s frame pixels land on this frame: x' = scale x + x.
    const pose = poses[frame]!;
    const scale = pose.scale / start.scale;
    const [x, y] = [pose.x - scale * start.x, pose.y - scale * start.y];
    for (const [cornerX, cornerY] of [[0, 0], [width, 0], [0, height], [width, height]] as const) {
      if (Math.hypot((scale - 1) * cornerX + x, (scale - 1) * cornerY + y) > SAME_VIEW_PIXELS) return false;
    }
  }
  return true;
}

/** `then` after `first`: where frame 0's pixels land after both moves. */
function chainPoses(first: CameraPose, then: CameraPose): CameraPose {
  return { scale: then.scale * first.scale, x: then.scale * first.x + then.x, y: then.scale * first.y + then.y };
}

/** A box in frame 0's pixels, as seen in a frame with this pose. */
export function intoFrame(box: Box, pose: CameraPose): Box {
  return { x: pose.scale * box.x + pose.x, y: pose.scale * box.y + pose.y, w: pose.scale * box.w, h: pose.scale * box.h };
}

/** A box in a frame with this pose, in frame 0's pixels. */
export function outOfFrame(box: Box, pose: CameraPose): Box {
  return { x: (box.x - pose.x) / pose.scale, y: (box.y - pose.y) / pose.scale, w: box.w / pose.scale, h: box.h / pose.scale };
}
