/**
 * The only module that touches fluent-ffmpeg (archived upstream in May 2025): everything else speaks in
 * plain argument lists, so replacing it with a direct spawn changes this file alone.
 */
import { execFile } from 'node:child_process';
import { resolveFfmpeg, resolveFfprobe } from './binaries.node';

/** First line of `<tool> -version`, e.g. "ffmpeg version 5.1.9-0+deb12u1". */
export function toolVersion(tool: 'ffmpeg' | 'ffprobe'): Promise<string> {
  const binary = tool === 'ffmpeg' ? resolveFfmpeg() : resolveFfprobe();
  return new Promise((resolve, reject) => {
    execFile(binary.path, ['-hide_banner', '-version'], (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.split('\n')[0]?.trim() ?? 'unknown');
    });
  });
}
