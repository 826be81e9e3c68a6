/** The sanitize options as a schema: the one validation for the IPC contract and the CLI. */
import { z } from 'zod';
import { DEFAULT_NAME_TEMPLATE, utf8Length } from './outputName.std';

export const regionSchema = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
});

export const sanitizeOptionsSchema = z.object({
  format: z.enum(['mp4', 'webm']).default('mp4'),
  maxHeight: z.number().int().min(144).max(4320).optional(),
  audio: z.enum(['keep', 'mute', 'remove']).default('keep'),
  blur: z.array(regionSchema).max(50).default([]),
});

export const nameTemplateSchema = z
  .string()
  .max(80)
  .regex(/^[^/\\]*$/, 'a name template cannot contain folder separators')
  // Bytes, not characters: the name it makes must fit a file system's 255 bytes with the original's name in it.
  .refine((template) => utf8Length(template) <= 120, 'a name template must be at most 120 bytes (40 characters of Chinese or Japanese)')
  .default(DEFAULT_NAME_TEMPLATE);

/** "x,y,w,h" as typed on the command line. */
export function parseRegion(text: string): z.infer<typeof regionSchema> {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
    throw new Error(`"${text}" is not a region: write x,y,w,h in pixels, e.g. 40,60,200,120`);
  }
  const [x, y, w, h] = parts as [number, number, number, number];
  return regionSchema.parse({ x, y, w, h });
}
