/** The frame Sanitize's blur editor draws on. */
import { planPreviewFrame } from '../../core/sanitize/plan.std';
import { ffmpegToBuffer } from '../media/ffmpeg.node';
import { readPicture } from '../media/picture.node';

type PreviewFrame = { png: Buffer; source: { width: number; height: number }; preview: { width: number; height: number } };

/** An upright frame of `input` (a second in, or at `atSeconds`) to draw on, and the sizes to map the drawing back to the source. */
export async function previewFrame(input: string, atSeconds?: number): Promise<PreviewFrame> {
  const plan = planPreviewFrame({ ...(await readPicture(input)), atSeconds });
  return { png: await ffmpegToBuffer(plan.invocation), source: plan.source, preview: plan.preview };
}
