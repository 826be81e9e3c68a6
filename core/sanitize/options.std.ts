/** The sanitize options as a schema: the one validation for the IPC contract and the CLI. */
import { z } from 'zod';
import { t } from '../i18n/i18n.std';
import { DEFAULT_NAME_TEMPLATE, utf8Length } from './outputName.std';
import { REDACT_STYLES } from './redactPixels.std';
import { REDACT_GROUPS } from './redactTracks.std';

export const regionSchema = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
});

/** The short side a copy may be capped at, in pixels. */
export const MAX_HEIGHT_RANGE = { least: 144, most: 4320 } as const;

export const sanitizeOptionsSchema = z.object({
  format: z.enum(['mp4', 'webm']).default('mp4'),
  maxHeight: z.number().int().min(MAX_HEIGHT_RANGE.least).max(MAX_HEIGHT_RANGE.most).optional(),
  audio: z.enum(['keep', 'mute', 'remove']).default('keep'),
  blur: z.array(regionSchema).max(50).default([]),
  redact: z
    .object({
      /** What the detectors find and the copy hides. */
      groups: z.array(z.enum(REDACT_GROUPS)).min(1).max(REDACT_GROUPS.length),
      /** `largest`: the worker's own face stays visible (a task that needs it). */
      keepFace: z.enum(['none', 'largest']).default('none'),
      style: z.enum(REDACT_STYLES).default('blur'),
    })
    .strict()
    .optional(),
});
export type RedactOptions = NonNullable<z.output<typeof sanitizeOptionsSchema>['redact']>;

const MAX_CLIP_FRAMES = 60 * 60 * 60;
/** A two-hour clip's faces, seen five times a second, with room to spare. */
const MAX_SIGHTINGS = 200_000;
const box = z.object({ x: z.number().finite(), y: z.number().finite(), w: z.number().finite().nonnegative(), h: z.number().finite().nonnegative() }).strict();

/** A track as the review shows it and sends it back (redactTracks.std.ts). */
export const redactTrackSchema = z
  .object({
    id: z.number().int().positive(),
    group: z.enum([...REDACT_GROUPS, 'marked']),
    label: z.string().max(200),
    anchored: z.boolean(),
    sightings: z.array(z.object({ frame: z.number().int().nonnegative().max(MAX_CLIP_FRAMES), box, fixed: z.literal(true).optional() }).strict()).min(1).max(MAX_SIGHTINGS),
    holdFrames: z.number().int().nonnegative().max(MAX_CLIP_FRAMES),
    margin: z.number().min(0).max(1),
    leastMargin: z.number().min(0).max(0.2),
    hidden: z.boolean(),
  })
  .strict();

/**
 * A clip's tracks and what places them on every frame (services/sanitize/redact.node.ts): found before the
 * copy is made, reviewed by the user, and handed back to make it.
 */
export const foundTracksSchema = z
  .object({
    tracks: z.array(redactTrackSchema).max(500),
    frameCount: z.number().int().positive().max(MAX_CLIP_FRAMES),
    framesPerSecond: z.number().min(1).max(1000),
    camera: z.array(z.object({ scale: z.number().positive(), x: z.number().finite(), y: z.number().finite() }).strict()).max(MAX_CLIP_FRAMES),
    /** The picture the boxes are in: the clean copy's size when they were found. */
    size: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict(),
  })
  .strict()
  // What comes back from the renderer must be a clip's tracks as found: one id each, sightings in order on the
  // clip's frames, and not more of them than a search of a long clip makes. Messages are looked up when a
  // check fails, in the language of that moment.
  .refine((found) => new Set(found.tracks.map((track) => track.id)).size === found.tracks.length, { error: () => t('redact.tracks.duplicateId') })
  .refine(
    (found) => found.tracks.every((track) => track.sightings.every((sighting, i) => sighting.frame < found.frameCount && (i === 0 || sighting.frame >= track.sightings[i - 1]!.frame))),
    { error: () => t('redact.tracks.sightingsOrder') },
  )
  .refine((found) => found.tracks.reduce((sum, track) => sum + track.sightings.length, 0) <= MAX_SIGHTINGS, { error: () => t('redact.tracks.tooManySightings', { max: MAX_SIGHTINGS }) });
export type FoundTracksData = z.output<typeof foundTracksSchema>;

export const nameTemplateSchema = z
  .string()
  .max(80)
  .regex(/^[^/\\]*$/, { error: () => t('sanitize.nameTemplate.separator') })
  // Bytes, not characters: the name it makes must fit a file system's 255 bytes with the original's name in it.
  .refine((template) => utf8Length(template) <= 120, { error: () => t('sanitize.nameTemplate.tooLong') })
  .default(DEFAULT_NAME_TEMPLATE);

/** "x,y,w,h" as typed on the command line. */
export function parseRegion(text: string): z.infer<typeof regionSchema> {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) {
    throw new Error(t('sanitize.region.invalid', { text }));
  }
  const [x, y, w, h] = parts as [number, number, number, number];
  const region = regionSchema.safeParse({ x, y, w, h });
  if (!region.success) throw new Error(t('sanitize.region.invalid', { text }));
  return region.data;
}

/** `--redact all` or a comma list of groups ("faces,documents"), as typed on the command line. */
export function parseRedactGroups(text: string): Array<(typeof REDACT_GROUPS)[number]> {
  if (text.trim() === 'all') return [...REDACT_GROUPS];
  const groups = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unknown = groups.filter((group) => !(REDACT_GROUPS as readonly string[]).includes(group));
  if (groups.length === 0 || unknown.length > 0) {
    const known = REDACT_GROUPS.join(', ');
    throw new Error(unknown.length ? t('sanitize.redactGroups.unknown', { groups: known, unknown: unknown.join(', ') }) : t('sanitize.redactGroups.invalid', { groups: known }));
  }
  return [...new Set(groups)] as Array<(typeof REDACT_GROUPS)[number]>;
}
