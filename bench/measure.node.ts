/** Timing helpers for benchmarks: alternate the contenders, report medians and ratios from one process. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from '../core/shared/stats.std';

export { median };

export async function timeIt(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}


/**
 * Runs each contender `rounds` times, interleaved (A B C, A B C, ...) so that machine noise falls on all of
 * them alike, and returns each one's median in milliseconds.
 */
export async function compare(contenders: Record<string, () => Promise<unknown>>, rounds: number): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) samples[name]!.push(await timeIt(run));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

export function runProcess(binary: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(headers), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/**
 * CPU seconds (user + system) used so far by every running process whose program path contains `program`
 * (Linux /proc). Sampled before and after a window, the difference is how many cores it kept busy.
 */
export function cpuSecondsOf(program: string): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.includes(program)) continue;
      // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading: it uses no more CPU.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Where each benchmark's report is written; scripts/benchmarksDoc.mjs gathers them into docs/benchmarks.md. */
export const RESULTS_DIR = path.resolve(__dirname, 'results');

/**
 * What a benchmark reports: printed as it goes, and written to bench/results/<name>.md (started afresh when
 * the benchmark starts), so that docs/benchmarks.md shows the figures of the last run, not copies of them.
 */
export function benchReport(name: string): { line: (text: string) => void } {
  const file = path.join(RESULTS_DIR, `${name}.md`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: __dirname }).toString().trim();
  fs.writeFileSync(file, `<!-- measured at ${commit} on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores -->\n`);
  return {
    line(text) {
      console.log(text);
      fs.appendFileSync(file, `${text}\n`);
    },
  };
}
