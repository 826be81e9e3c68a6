/** What SafeTake can sanitize, and how it describes a probed file. Pure data and decisions. */

// .264 .h264 .265 .hevc: raw streams as security cameras and dashcams export them (no container, no timing).
export const VIDEO_EXTENSIONS = ['.mp4', '.mov', '.m4v', '.webm', '.mkv', '.avi', '.3gp', '.mts', '.m2ts', '.wmv', '.264', '.h264', '.265', '.hevc'] as const;
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.heic'] as const;

export type MediaKind = 'video' | 'photo';

export function mediaKindForExtension(extension: string): MediaKind | undefined {
  const lower = extension.toLowerCase();
  if ((VIDEO_EXTENSIONS as readonly string[]).includes(lower)) return 'video';
  if ((PHOTO_EXTENSIONS as readonly string[]).includes(lower)) return 'photo';
  return undefined;
}

export type ProbedStream = {
  index: number;
  type: 'video' | 'audio' | 'subtitle' | 'data' | 'attachment' | 'unknown';
  codec: string;
  width?: number;
  height?: number;
  /** Degrees the player would rotate the picture (display matrix), normalised to 0, 90, 180 or 270. */
  rotation: number;
  /** Nominal frame rate (r_frame_rate): one frame lasts 1/framesPerSecond. */
  framesPerSecond?: number;
  /**
   * Frames over duration (avg_frame_rate): below the nominal rate when a phone lowers its rate. Counted from
   * the index in MP4 and MOV; an estimate from the first seconds in Matroska and WebM.
   */
  averageFramesPerSecond?: number;
  startSeconds?: number;
  durationSeconds?: number;
  /** Cover art stored as a video stream. */
  attachedPicture: boolean;
};

export type MediaProbe = {
  formatName: string;
  startSeconds?: number;
  durationSeconds?: number;
  streams: ProbedStream[];
};

/**
 * The main picture's packets as a demux finds them: how many, when the last one starts and, where packets
 * carry their length, when they end (seconds from the file's start). A raw stream's packets carry no time;
 * a browser's recording gives them no length.
 */
export type VideoPackets = { count: number; lastStartSeconds?: number; endSeconds?: number };

/**
 * VideoPackets from ffprobe's `-show_entries packet=pts_time,duration_time -of csv=p=0` (a line of
 * "pts,duration" a packet, "N/A" where unknown), in seconds after `zero` (the file's start).
 */
export function videoPacketsFromCsv(csv: string, zero = 0): VideoPackets | undefined {
  let count = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  const seconds = (field: string | undefined) => (field === undefined || field.trim() === '' ? Number.NaN : Number(field));
  for (const line of csv.split('\n')) {
    if (!line.trim()) continue;
    count++;
    const [pts, duration] = line.split(',');
    const start = seconds(pts);
    if (!Number.isFinite(start)) continue;
    lastStart = Math.max(lastStart, start);
    const length = seconds(duration);
    if (Number.isFinite(length)) end = Math.max(end, start + length);
  }
  if (count === 0) return undefined;
  return {
    count,
    ...(Number.isFinite(lastStart) ? { lastStartSeconds: lastStart - zero } : {}),
    ...(Number.isFinite(end) ? { endSeconds: end - zero } : {}),
  };
}

/** The picture stream to keep: the first real video stream, never cover art. */
export function mainVideoStream(probe: MediaProbe): ProbedStream | undefined {
  return probe.streams.find((stream) => stream.type === 'video' && !stream.attachedPicture);
}

export function mainAudioStream(probe: MediaProbe): ProbedStream | undefined {
  return probe.streams.find((stream) => stream.type === 'audio');
}

export function normaliseRotation(degrees: number | undefined): number {
  if (degrees === undefined || !Number.isFinite(degrees)) return 0;
  return ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
}

/**
 * Where the picture ends, in seconds from the start of the file: what a viewer sees as the clip's length.
 * Measured from the file's start so a picture that begins after the sound (camera MTS files) compares fairly.
 */
export function pictureEndSeconds(probe: MediaProbe): number | undefined {
  const video = mainVideoStream(probe);
  if (!video) return undefined;
  if (video.durationSeconds === undefined) return probe.durationSeconds;
  return (video.startSeconds ?? 0) - (probe.startSeconds ?? 0) + video.durationSeconds;
}

/** The picture's size as a viewer sees it, after rotation. */
export function displaySize(stream: ProbedStream): { width: number; height: number } | undefined {
  if (stream.width === undefined || stream.height === undefined) return undefined;
  return stream.rotation % 180 === 0
    ? { width: stream.width, height: stream.height }
    : { width: stream.height, height: stream.width };
}
