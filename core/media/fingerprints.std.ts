/**
 * Text that encoders and cameras write inside the media stream itself, where ExifTool does not look.
 * The audit searches the file's bytes for these; a clean copy has none.
 */
type StreamFingerprint = { id: string; pattern: RegExp; reason: string };

const STREAM_FINGERPRINTS: readonly StreamFingerprint[] = [
  { id: 'x264-settings', pattern: /x264 - core \d+/, reason: 'x264 version and every encoder setting, in an H.264 SEI message.' },
  { id: 'x265-settings', pattern: /x265 \(build \d+\)/, reason: 'x265 version and settings, in an HEVC SEI message.' },
  { id: 'sony-mdpm', pattern: /MDPM/, reason: 'Sony camera make, model and recording date, in H.264 SEI user data.' },
  { id: 'ffmpeg-version', pattern: /Lav[fc]\d+\.\d+\.\d+/, reason: 'An exact ffmpeg version string.' },
  { id: 'handbrake', pattern: /HandBrake \d/, reason: 'HandBrake version, left by an earlier conversion.' },
];

/** Longest text a pattern can need, so chunked scans overlap by at least this much. */
export const FINGERPRINT_OVERLAP = 64;

/** The fingerprint ids found in `text` (bytes read as latin1). */
export function findFingerprints(text: string): string[] {
  return STREAM_FINGERPRINTS.filter((fingerprint) => fingerprint.pattern.test(text)).map((fingerprint) => fingerprint.id);
}
