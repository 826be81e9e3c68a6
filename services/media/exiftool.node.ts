/**
 * The independent metadata auditor: exiftool-vendored's own ExifTool (bundled Perl script), one process
 * shared by whoever needs it and closed on shutdown.
 */
import { ExifTool } from 'exiftool-vendored';

let shared: ExifTool | undefined;

export function exiftool(): ExifTool {
  shared ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: 60_000 });
  return shared;
}

export async function exiftoolVersion(): Promise<string> {
  return `ExifTool ${await exiftool().version()}`;
}

export async function closeExiftool(): Promise<void> {
  const running = shared;
  shared = undefined;
  await running?.end();
}
