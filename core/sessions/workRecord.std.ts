/**
 * A record of the work for a CV or a portfolio, as the guides suggest: what kinds of task, how many hours, on
 * which platforms and over what period, how many clips were approved and the quality rate. It names no file,
 * holds no footage and no fingerprint: it is made to be shared. Pure: the HTML as a string, printed to PDF.
 */
import { clipOutcomes } from './pay.std';
import type { Session } from './replay.std';
import { sessionSeconds } from './time.std';
import { formatWorked } from '../shared/clock.std';
import { PRINT_STYLE, escapeHtml, percent } from './report.std';
import { type MessageId, currentLanguage, formatNumber, t, formatDay } from '../i18n/i18n.std';

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

const quality = (line: Line) => (line.decided > 0 ? percent(line.approved / line.decided) : '—');


export function workRecordHtml(sessions: readonly Session[], context: { generatedAtLocal: string; appVersion: string }, now: number): string {
  const finished = sessions.filter((session) => session.end !== undefined);
  const all = lineOf('', finished, now);
  const text = (id: MessageId, values?: Record<string, string | number>) => escapeHtml(t(id, values));
  const table = (by: 'tasks' | 'platforms', lines: Line[]) => `<h2>${text(by === 'tasks' ? 'workRecord.tasks.heading' : 'workRecord.platforms.heading')}</h2>
<table><thead><tr><th>${text(by === 'tasks' ? 'workRecord.column.task' : 'workRecord.column.platform')}</th><th>${text('workRecord.column.period')}</th><th class="num">${text('workRecord.column.sessions')}</th><th class="num">${text('workRecord.column.hours')}</th><th class="num">${text('workRecord.column.approved')}</th><th class="num">${text('workRecord.column.quality')}</th></tr></thead><tbody>
${lines.map((line) => `<tr><td>${escapeHtml(line.name || t('workRecord.unnamedTask'))}</td><td>${line.from === line.to ? formatDay(line.from) : text('workRecord.period', { from: formatDay(line.from), to: formatDay(line.to) })}</td><td class="num">${formatNumber(line.sessions)}</td><td class="num">${formatWorked(Math.round(line.seconds))}</td><td class="num">${text('workRecord.approvedOfDecided', { approved: line.approved, decided: line.decided })}</td><td class="num">${quality(line)}</td></tr>`).join('\n')}
</tbody></table>`;
  return `<!doctype html>
<html lang="${currentLanguage()}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${text('workRecord.title')}</title>
<style>${PRINT_STYLE}</style></head>
<body>
<h1>${text('workRecord.title')}</h1>
<p class="meta">${text('workRecord.made', { hasPeriod: finished.length ? 'yes' : 'no', from: formatDay(all.from), to: formatDay(all.to), made: formatDay(context.generatedAtLocal), version: context.appVersion })}</p>
${
  finished.length === 0
    ? `<p>${text('workRecord.noSessions')}</p>`
    : `<p>${text('workRecord.summary', {
        time: formatWorked(Math.round(all.seconds)),
        sessions: all.sessions,
        platforms: new Set(finished.map((session) => session.platform)).size,
        approved: all.approved,
        decided: all.decided,
        quality: quality(all),
      })}</p>
${table('tasks', grouped(finished, (session) => session.task, now))}
${table('platforms', grouped(finished, (session) => session.platform, now))}`
}
</body></html>
`;
}
