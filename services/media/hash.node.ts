/** Fingerprints of files: what the log records for clips, takes, evidence and clean copies. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** The SHA-256 of a file's bytes, in hex, read as a stream (videos do not fit in memory). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
