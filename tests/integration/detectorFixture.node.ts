/**
 * The real detector for tests and benchmarks that scan images: opened once before a file's tests, closed
 * after them, with a scratch folder for the scenes they plant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { NodeDetector } from '../../services/detector.node';
import { closeExiftool } from '../../services/exiftool.node';

/** Call at the top of a test or bench file: it registers the file's beforeAll and afterAll. */
export function useDetector(): { readonly detector: NodeDetector; scratchFile: (name: string) => string } {
  let detector: NodeDetector | undefined;
  let scratch = '';
  beforeAll(async () => {
    detector = await NodeDetector.open();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-detect-'));
  }, 120_000);
  afterAll(async () => {
    await detector?.close();
    await closeExiftool();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get detector() {
      if (!detector) throw new Error('useDetector: the detector opens in beforeAll');
      return detector;
    },
    scratchFile: (name) => path.join(scratch, name),
  };
}
