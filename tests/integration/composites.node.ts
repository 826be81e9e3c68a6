/**
 * Test scenes built from the corpus with ffmpeg: a document or a face photo placed into a room at a known
 * place and size, so a test knows exactly where the planted risk is.
 */
import { execFileSync } from 'node:child_process';
import type { Box } from '../../core/media/geometry.std';
import { resolveFfmpeg, resolveFfprobe } from '../../services/media/binaries.node';
import type { FrameInput } from '../../services/corner/detector.node';

/** `item` (or only its `crop`, in its own pixels) placed `width` wide at x, y of the room at 640x480. */
export type Plant = { room: string; item: string; x: number; y: number; width: number; crop?: Box };
const FRAME = { width: 640, height: 480 };

/** Writes the room (at 640x480, or `frame`) with `item` on it to `out`; returns the item's box in the frame. */
export function plantInRoom(plant: Plant, out: string, frame = FRAME): { file: string; box: { x: number; y: number; w: number; h: number } } {
  const { crop } = plant;
  const [itemWidth, itemHeight] = crop
    ? [crop.w, crop.h]
    : execFileSync(resolveFfprobe().path, [
        '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', plant.item,
      ]).toString().trim().split(',').map(Number);
  const height = 2 * Math.round((plant.width * itemHeight!) / itemWidth! / 2);
  const cut = crop ? `crop=${crop.w}:${crop.h}:${crop.x}:${crop.y},` : '';
  execFileSync(resolveFfmpeg().path, [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', plant.room, '-i', plant.item,
    '-filter_complex', `[0]scale=${frame.width}:${frame.height},setsar=1[room];[1]${cut}scale=${plant.width}:${height}[item];[room][item]overlay=${plant.x}:${plant.y}`,
    '-frames:v', '1', out,
  ]);
  return { file: out, box: { x: plant.x, y: plant.y, w: plant.width, h: height } };
}

/** The picture in `file` as raw RGB at width x height, or the `crop` of that (as the app's frames are). */
export function decodeFrame(file: string, width: number, height: number, crop?: Box): FrameInput {
  const filters = [`scale=${width}:${height}`, ...(crop ? [`crop=${crop.w}:${crop.h}:${crop.x}:${crop.y}`] : [])];
  const rgb = execFileSync(resolveFfmpeg().path, [
    '-v', 'error', '-i', file, '-frames:v', '1', '-vf', filters.join(','), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-',
  ], { maxBuffer: 64 * 1024 * 1024 });
  return { rgb, width: crop?.w ?? width, height: crop?.h ?? height };
}
