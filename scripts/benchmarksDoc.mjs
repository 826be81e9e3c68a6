// Writes docs/benchmarks.md from the reports the benchmarks left in bench/results/ (bench/measure.node.ts,
// benchReport): `npm run bench` runs it after the benchmarks, so the page always shows the last run's figures.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'bench', 'results');
/** Each benchmark, in the order a reader meets the jobs, with what it measures against what. */
const SECTIONS = [
  ['preview', 'Check corner: the preview', "frames the preview presents and the CPU it costs with every detector running, against the camera alone in the same run"],
  ['detect', 'Check corner: each model', 'each model as the app runs it against bare inference in the same process'],
  ['flag-time', 'Check corner: time to a flag', 'from a risk coming into view (and going) to its flag, in Chromium with every detector running'],
  ['detect-eval', 'Check corner: what is found', 'recall on planted papers, face photos and screens, and on real labelled photos (scenes-real), with false flags on clean rooms'],
  ['sanitize', 'Sanitize', "SafeTake's clean copy against the same ffmpeg run bare and against mat2, in the same process"],
  ['redact', 'Sanitize: redaction speed', 'sanitize --redact all against plain sanitize and against every model on every frame, in the same process'],
  ['redact-eval', 'Sanitize: what redaction hides', 'labelled faces, papers and screens of real photos hidden on every frame of a pan across them, words OCR still reads, detail kept, and each style'],
  ['record', 'Takes', 'memory while a take streams to disk, a long take against a short one'],
  ['terms-eval', 'Know the deal: the terms scanner', 'labelled red flags found in real agreements, false flags on rules the labels say are absent, and the time to read a 100-page agreement against one search of it'],
];

const parts = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (scripts/benchmarksDoc.mjs) from what each benchmark printed; do not edit by hand.',
  'Every figure is a ratio or a median against a baseline run in the same process on the same machine; each',
  'section says when and where it was measured. Run one benchmark with `npx vitest run --project bench bench/<name>.bench.ts`,',
  'then `node scripts/benchmarksDoc.mjs`.',
];
for (const [name, title, what] of SECTIONS) {
  const file = path.join(results, `${name}.md`);
  parts.push('', `## ${title} (\`bench/${name}.bench.ts\`)`, '', `What: ${what}.`, '');
  parts.push(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '_Not measured yet: run the benchmark._');
}
fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), `${parts.join('\n')}\n`);
console.log(`docs/benchmarks.md written from ${results}`);
