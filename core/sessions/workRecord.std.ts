/**
 * A record of the work for a CV or a portfolio, as the guides suggest: what kinds of task, how many hours, on
 * which platforms and over what period, how many clips were approved and the quality rate. It names no file,
 * holds no footage and no fingerprint: it is made to be shared. Pure: the HTML as a string, printed to PDF.
 */
import { clipOutcomes } from './pay.std';
import type { Session } from './replay.std';
import { sessionSeconds } from './time.std';
import { formatWorked } from '../shared/clock.std';
import { PRINT_STYLE, escapeHtml } from './report.std';

type Line = { name: string; sessions: number; seconds: number; approved: number; decided: number; from: string; to: string };

function lineOf(name: string, sessions: readonly Session[], now: number): Line {
  const clips = clipOutcomes(sessions);
  const days = sessions.map((session) => session.startedAtLocal.slice(0, 10)).sort();
  return { name, sessions: sessions.length, seconds: sessions.reduce((sum, session) => sum + sessionSeconds(session, now), 0), approved: clips.approved, decided: clips.approved + clips.rejected, from: days[0] ?? '', to: days.at(-1) ?? '' };
}

function grouped(sessions: readonly Session[], key: (session: Session) => string, now: number): Line[] {
  const names = [...new Set(sessions.map(key))].sort((a, b) => a.localeCompare(b));
  return names.map((name) => lineOf(name, sessions.filter((session) => key(session) === name), now)).sort((a, b) => b.seconds - a.seconds);
}

const quality = (line: Line) => (line.decided > 0 ? `${Math.round((100 * line.approved) / line.decided)} %` : '—');


export function workRecordHtml(sessions: readonly Session[], context: { generatedAtLocal: string; appVersion: string }, now: number): string {
  const finished = sessions.filter((session) => session.end !== undefined);
  const all = lineOf('All work', finished, now);
  const table = (caption: string, lines: Line[]) => `<h2>${escapeHtml(caption)}</h2>
<table><thead><tr><th>${caption === 'Platforms' ? 'Platform' : 'Task'}</th><th>Period</th><th class="num">Sessions</th><th class="num">Hours</th><th class="num">Clips approved</th><th class="num">Quality rate</th></tr></thead><tbody>
${lines.map((line) => `<tr><td>${escapeHtml(line.name || 'unnamed task')}</td><td>${line.from === line.to ? line.from : `${line.from} – ${line.to}`}</td><td class="num">${line.sessions}</td><td class="num">${formatWorked(Math.round(line.seconds))}</td><td class="num">${line.approved} of ${line.decided} decided</td><td class="num">${quality(line)}</td></tr>`).join('\n')}
</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Work record: recording data for AI training</title>
<style>${PRINT_STYLE}</style></head>
<body>
<h1>Work record: recording data for AI training</h1>
<p class="meta">${finished.length ? `From ${all.from} to ${all.to}. ` : ''}Made ${escapeHtml(context.generatedAtLocal.slice(0, 10))} by SafeTake ${escapeHtml(context.appVersion)} from the worker's own session log. It describes the work only: no recording, file or personal detail is in it.</p>
${
  finished.length === 0
    ? '<p>No finished sessions yet.</p>'
    : `<p>${formatWorked(Math.round(all.seconds))} of recorded work in ${all.sessions} session${all.sessions === 1 ? '' : 's'} on ${new Set(finished.map((session) => session.platform)).size} platform(s): ${all.approved} clip${all.approved === 1 ? '' : 's'} approved of ${all.decided} decided (quality rate ${quality(all)}).</p>
${table('Kinds of task', grouped(finished, (session) => session.task, now))}
${table('Platforms', grouped(finished, (session) => session.platform, now))}`
}
</body></html>
`;
}
