/** The shared corpus of real media (read in place, never copied into the repo) and its manifest. */
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

/** The corpus's clean rooms: no people, papers or screens (kitchens and bathrooms do have bottles). */
export const CLEAN_ROOMS = ['room-bedroom.jpg', 'room-bedroom2.png', 'room-kitchen.jpg', 'room-living_room.jpg', 'room-bathroom.jpg'];

export function corpusFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(CORPUS_DIR, folder))
    .sort()
    .map((name) => path.join(CORPUS_DIR, folder, name));
}

/**
 * The identifying tags MANIFEST.tsv lists for a file, as "Group:Tag" (ExifTool -G1), measured outside this
 * project. The audit must find each of them in the original, or it has gone blind.
 */
export function manifestTags(file: string): string[] {
  const relative = path.relative(CORPUS_DIR, file);
  const row = fs
    .readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`${relative}\t`));
  const listed = /title: (.*?) \| tools/.exec(row ?? '')?.[1] ?? '';
  return listed
    .split('; ')
    .map((entry) => /^([\w-]+?)(?:\+\d+)?:([\w-]+)=/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[1]}:${match[2]}`);
}
