/**
 * The whole log as CSV: a row per session, then a row per clip. Pure.
 */
import { type MessageId, t } from '../i18n/i18n.std';
import { received } from './pay.std';
import type { Session } from './replay.std';
import { PHASE_COLUMNS, phaseSeconds, restBreakSeconds, sessionSeconds } from './time.std';
import { wholeSecondParts } from '../shared/clock.std';


/** The clip columns' headers, in order: looked up when the CSV is made, in the worker's language. */
const CLIP_COLUMNS = [
  'csv.header.clipFile',
  'csv.header.clipSha256',
  'csv.header.clipSeconds',
  'csv.header.risksDuringTake',
  'csv.header.cleanCopy',
  'csv.header.cleanCopySha256',
  'csv.header.identifyingLeft',
  'csv.header.outcome',
  'csv.header.outcomeReason',
  'csv.header.clipPaid',
  'csv.header.clipPaidCurrency',
  'csv.header.clipPaidOn',
] as const satisfies readonly MessageId[];

/**
 * Spreadsheets run a cell that starts with one of these as a formula, quoted or not: a rejection reason of
 * `=HYPERLINK(...)` typed by anyone becomes a live link in the worker's own export. Such text gets a leading
 * apostrophe, which spreadsheets show as text and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per session (local date, platform, task, hours per phase to 4 decimals, from the whole seconds the app shows,
 * total, pay and rate per currency; a row per currency when paid in several), then one row per clip under it
 * (its file, fingerprint, risks seen during the take, clean copy and outcome). The first column says which
 * kind of row it is.
 */
export function sessionsCsv(sessions: readonly Session[], now: number): string {
  // Breaks came later than the other columns: theirs go last, so that a sheet reading columns by place still works.
  const columns = PHASE_COLUMNS.filter((kind) => kind !== 'break');
  // Only the header words are in the worker's language: row kinds and outcomes (ids a sheet filters on), dates,
  // numbers with a dot, currency codes and fingerprints stay the same in every language.
  const header = [
    t('csv.header.row'),
    t('csv.header.date'),
    t('csv.header.platform'),
    t('csv.header.task'),
    ...columns.map((kind) => t(`csv.header.phaseHours.${kind}`)),
    t('csv.header.totalHours'),
    t('csv.header.paid'),
    t('csv.header.currency'),
    t('csv.header.hourlyRate'),
    ...CLIP_COLUMNS.map((id) => t(id)),
    t('csv.header.phaseHours.break'),
    t('csv.header.restBreakHours'),
  ];
  const noClip = CLIP_COLUMNS.map(() => '');
  const rows = sessions.flatMap((session) => {
    // The whole seconds the app and the evidence report show, as hours: the three never disagree.
    const phases = wholeSecondParts(phaseSeconds(session, now));
    const total = Math.floor(sessionSeconds(session, now) + 1e-6) / 3600;
    const base = [session.startedAtLocal.slice(0, 10), session.platform, session.task];
    const hours = [...columns.map((kind) => (phases[kind] / 3600).toFixed(4)), total.toFixed(4)];
    const breaks = [(phases.break / 3600).toFixed(4), (Math.round(restBreakSeconds(session, now)) / 3600).toFixed(4)];
    const pay = received([session]);
    const sessionRows = (pay.length === 0 ? [['', '', '']] : pay.map((money) => [money.amount.toFixed(2), money.currency, total > 0 ? (money.amount / total).toFixed(2) : '']))
      .map((payCells) => ['session', ...base, ...hours, ...payCells, ...noClip, ...breaks]);
    const clipRows = session.clips.map((clip) => [
      'clip',
      ...base,
      ...hours.map(() => ''),
      '', '', '',
      clip.file,
      clip.sha256 ?? '',
      clip.durationSeconds?.toFixed(1) ?? '',
      (clip.risks ?? []).map((risk) => `${risk.atSeconds.toFixed(1)}s ${risk.label}`).join('; '),
      clip.sanitized?.output ?? '',
      clip.sanitized?.sha256 ?? '',
      clip.sanitized ? String(clip.sanitized.identifyingLeft) : '',
      clip.outcome?.outcome ?? 'pending',
      clip.outcome?.reason ?? '',
      clip.outcome?.paid?.amount.toFixed(2) ?? '',
      clip.outcome?.paid?.currency ?? '',
      clip.outcome?.paidOn ?? '',
      '',
      '',
    ]);
    return [...sessionRows, ...clipRows];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
