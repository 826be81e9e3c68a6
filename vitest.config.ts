import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summaryLineReporter.ts'],
    projects: [
      {
        // Pure and in-process tests beside the code: no ffmpeg, no models, no browser. Seconds, not minutes.
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'services/**/*.test.ts', 'src/**/*.test.ts', 'cli/**/*.test.ts'],
        },
      },
      {
        // Real ffmpeg, ExifTool, models, files, the CLI, the crash test and the lint rules.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Benchmarks: not part of `npm test` (they measure, they do not assert); run with `npm run bench`.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          testTimeout: 1_800_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: 2 cores, and the fake camera and models are CPU-heavy.
          fileParallelism: false,
        },
      },
    ],
  },
});
