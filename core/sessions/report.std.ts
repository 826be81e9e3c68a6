/**
 * The printable evidence report of one session: what a worker hands to a platform in a dispute. Every
 * minute of the session in order, the time per phase, the pay, and every clip and attached file with its
 * SHA-256, plus the log's chain head so that anyone can check the report against the log. Pure: the HTML
 * as a string; the main process prints it to PDF. The page loads nothing: no script, font or image.
 */
import type { DealView } from '../ipc/contract.std';
import { consentQuestion } from '../terms/consent.std';
import { redFlagRule } from '../terms/redFlags.std';
import { describeCost } from '../terms/costs.std';
import type { EventData, LogEntry, Money } from './eventLog.std';
import { PHASE_NAMES, phaseName, phaseSeconds, restBreakSeconds, sessionSeconds } from './time.std';
import type { Session } from './replay.std';
import { formatMoney, expectedPay, received } from './pay.std';
import { formatWorked, wholeSecondParts } from '../shared/clock.std';

type ReportContext = {
  /** The log's last hash and its length when the report was made. */
  logHead: string;
  logEvents: number;
  generatedAtLocal: string;
  appVersion: string;
  /** What SafeTake knows of the deal with the session's platform: its terms, the consent answers, the report card. */
  deal?: DealView;
};


export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}

/** "2026-11-23T09:05:00.000+01:00" -> "2026-11-23 09:05:00 (UTC+01:00)": the worker's own clock, with its offset. */
export function readableLocal(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-]\d{2}:\d{2}|Z)$/.exec(at);
  if (!match) return at;
  return `${match[1]} ${match[2]} (UTC${match[3] === 'Z' ? '+00:00' : match[3]})`;
}


const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** One line of the timeline, in words. Take and clip names come from the session's own records. */
function describeEvent(event: EventData, session: Session): string {
  const clipName = (clipId: string) => {
    const clip = session.clips.find((candidate) => candidate.clipId === clipId) ?? session.takes.find((take) => take.takeId === clipId);
    return clip ? fileName(clip.file) : 'a clip';
  };
  switch (event.type) {
    case 'session.started':
      return `Session started: ${event.platform}${event.task ? `, ${event.task}` : ''}; pay ${formatMoney(event.terms)} per ${event.terms.per.replace('-', ' ')}`;
    case 'session.paused':
      return 'Paused';
    case 'session.resumed':
      return 'Resumed';
    case 'session.ended':
      return 'Session ended';
    case 'phase.started':
      return `Started: ${PHASE_NAMES[event.phase]}`;
    case 'phase.stopped': {
      const phase = session.phases.find((candidate) => candidate.phaseId === event.phaseId);
      return `Stopped: ${phase ? PHASE_NAMES[phase.phase] : 'a phase'}`;
    }
    case 'pay.received':
      return `Pay received: ${formatMoney(event)}`;
    case 'take.started':
      return `Take started: ${fileName(event.file)}`;
    case 'take.stopped':
      return `Take stopped: ${clipName(event.takeId)}, ${event.durationSeconds.toFixed(1)} s, SHA-256 ${event.sha256}`;
    case 'take.risk':
      return `During ${clipName(event.takeId)}, at ${event.atSeconds.toFixed(1)} s: ${event.label}`;
    case 'take.discarded':
      return `Take discarded to be redone: ${clipName(event.takeId)}`;
    case 'corner.checked':
      return `Corner checked: ${event.verdict === 'clear' ? 'clear' : event.verdict}${event.open.length ? `; open: ${event.open.join(', ')}` : ''}${event.accepted.length ? `; accepted: ${event.accepted.join(', ')}` : ''}`;
    case 'log.repaired':
      return `The log was repaired (${event.reason}): ${event.keptEvents} events kept, ${event.droppedLines} line(s) dropped; the damaged log is kept as ${fileName(event.damagedFile)}, SHA-256 ${event.damagedSha256}`;
    case 'clip.added':
      return `Clip added: ${fileName(event.file)}, SHA-256 ${event.sha256}`;
    case 'clip.sanitized':
      return `Clean copy made of ${clipName(event.clipId)}: ${fileName(event.output)}, SHA-256 ${event.sha256}, ${event.identifyingLeft} identifying tags left${event.notes?.length ? `. ${event.notes.join(' ')}` : ''}`;
    case 'clip.outcome':
      return `Outcome for ${clipName(event.clipId)}: ${event.outcome}${event.reason ? ` (${event.reason})` : ''}${event.paid ? `, paid ${formatMoney(event.paid)}` : ''}${event.paidOn ? ` on ${event.paidOn}` : ''}`;
    case 'time.corrected': {
      const phase = session.phases.find((candidate) => candidate.phaseId === event.phaseId);
      const what = event.phaseId === undefined ? 'the session' : phase ? PHASE_NAMES[phase.phase] : 'a phase';
      return `Time corrected by the worker: ${what} really ended at ${readableLocal(event.endedAt)}`;
    }
    case 'evidence.attached':
      return `Evidence attached: ${event.name}, SHA-256 ${event.sha256}`;
    case 'terms.attached':
      return `Terms of ${event.platform} read for red flags: ${event.name}, SHA-256 ${event.sha256}`;
    case 'terms.removed':
      return `A terms document of ${event.platform} was set aside (no longer read into the deal)`;
    case 'consent.answered':
      return `Consent question for ${event.platform} answered "${event.answer}" on ${event.answeredOn}: ${consentQuestion(event.question).check}${event.platformWords ? ` The platform's words: “${event.platformWords}”` : ''}${event.reply ? ` Its reply kept: ${event.reply.name}, SHA-256 ${event.reply.sha256}` : ''}`;
    case 'cost.added':
      return `Cost entered${event.platform ? ` for ${event.platform}` : ''}: ${event.label}, ${describeCost(event)}`;
    case 'cost.removed':
      return 'A cost entered earlier was removed';
    case 'cost.ended':
      return 'A cost entered earlier stopped';
  }
}


/** The print style of SafeTake's printable pages (the evidence report, the work record). */
export const PRINT_STYLE = `
  @page { size: A4; margin: 16mm 14mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 0; }
  h1 { font-size: 17pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; }
  h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 3pt 6pt 3pt 0; border-bottom: 1px solid #ddd; }
  td.num, th.num { text-align: right; }
  code { font: 8.5pt/1.3 ui-monospace, monospace; word-break: break-all; }
  .meta { color: #444; }
  td.when { white-space: nowrap; width: 11em; }
  tr { page-break-inside: avoid; }
`;

/** The deal the work was done under: the platform's report card, the red flags in its terms, the consent answers. */
function dealSection(deal: DealView): string {
  const { card } = deal;
  const figures: Array<[string, string]> = [
    ['Rate before costs', card.ratesBeforeCosts.length ? `${formatMoney(card.ratesBeforeCosts)} per hour` : '—'],
    ['Costs entered', formatMoney(card.costs) || 'none'],
    ['Rate after costs', card.ratesAfterCosts.length ? `${formatMoney(card.ratesAfterCosts)} per hour${card.againstMinimum?.below ? `, ${card.againstMinimum.shortfall.toFixed(2)} ${card.againstMinimum.rate.currency} below the worker's minimum` : ''}` : '—'],
    ['Unpaid share of time (outside the takes)', card.unpaidShare === undefined ? '—' : `${Math.round(card.unpaidShare * 100)} %`],
    ['Rejected', card.rejectionShare === undefined ? '—' : `${Math.round(card.rejectionShare * 100)} % of decided clips${card.rejectionReasons.length ? ` (${card.rejectionReasons.map((one) => `${one.reason} ×${one.clips}`).join(', ')})` : ''}`],
    ['Days from the work to pay (median)', card.medianDaysToPay === undefined ? '—' : String(Math.round(card.medianDaysToPay))],
    ['Pay terms seen', card.rateHistory.map((entry) => `${formatMoney(entry.terms)} per ${entry.terms.per.replace('-', ' ')} from ${entry.fromLocal}`).join('; ') || '—'],
  ];
  const flags = deal.documents.flatMap((document) => document.flags.map((flag) => ({ ...flag, document: document.name })));
  const flagRows = [...new Set(flags.map((flag) => flag.rule))]
    .map((rule) => {
      const mine = flags.filter((flag) => flag.rule === rule);
      return `<tr><td>${escapeHtml(redFlagRule(rule).title)}<br><span class="meta">${rule}</span></td><td>“${escapeHtml(mine[0]!.quote)}”<br><span class="meta">${escapeHtml(mine[0]!.document)}, ${mine[0]!.page !== undefined ? `page ${mine[0]!.page}, ` : ''}characters ${mine[0]!.start}–${mine[0]!.end}${mine.length > 1 ? `; ${mine.length - 1} more clause(s)` : ''}</span></td></tr>`;
    })
    .join('');
  const answers = deal.questions.map((question) => `<tr><td>${escapeHtml(question.check)}</td><td>${question.record ? escapeHtml(`${question.record.answer} (${question.record.answeredOn})${question.record.platformWords ? `: “${question.record.platformWords}”` : ''}${question.record.reply ? `; their reply kept as ${question.record.reply.name}, SHA-256 ${question.record.reply.sha256}` : ''}`) : 'not answered'}</td></tr>`).join('');
  return `<h2>The deal with ${escapeHtml(deal.platform)}</h2>
<p class="meta">From the worker's own log, all sessions on this platform.</p>
<table><tbody>${figures.map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>
<h3>The six factors</h3>
<table><tbody>${card.factors.map((factor) => `<tr><td>${escapeHtml(factor.factor)}</td><td>${escapeHtml(factor.rating)}</td><td>${escapeHtml(factor.reason)}</td></tr>`).join('')}</tbody></table>
<h3>Red flags in its terms (${deal.documents.map((document) => escapeHtml(`${document.name}, SHA-256 ${document.sha256}`)).join('; ') || 'no terms read'})</h3>
${flagRows ? `<table><tbody>${flagRows}</tbody></table>` : '<p>None found.</p>'}
<h3>Consent questions</h3>
<table><tbody>${answers}</tbody></table>`;
}

/** The report as one self-contained HTML page. */
export function evidenceReportHtml(session: Session, entries: readonly LogEntry[], context: ReportContext, now: number): string {
  const phases = phaseSeconds(session, now);
  const total = sessionSeconds(session, now);
  const restBreaks = restBreakSeconds(session, now);
  const pay = received([session]);
  const expected = expectedPay(session, now);
  const hours = total / 3600;
  const rate = (money: Money) => (hours > 0 ? `${formatMoney({ ...money, amount: money.amount / hours })} per hour` : '—');
  const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  // A repair of the log belongs to every session's evidence: it says which lines are no longer there.
  // So does what the worker recorded about the platform (its terms, their consent answers, costs) up to the
  // session's end, when they chose to include the deal the work was done under.
  const mine = entries.filter(({ event, at }) =>
    'sessionId' in event
      ? event.sessionId === session.id
      : event.type === 'log.repaired' ||
        (context.deal !== undefined && Date.parse(at) <= (session.end ?? now) && (!('platform' in event) || event.platform === undefined || event.platform === session.platform)),
  );

  const phaseRows = Object.entries(wholeSecondParts(phases))
    .filter(([, seconds]) => seconds > 0)
    .map(([phase, seconds]) => `<tr><td>${escapeHtml(phaseName(phase))}</td><td class="num">${formatWorked(seconds)}</td></tr>`)
    .join('');
  const payLines = [
    ...pay.map((money) => `Received ${escapeHtml(formatMoney(money))}: effective rate ${escapeHtml(rate(money))}.`),
    `Expected by the terms: ${escapeHtml(formatMoney(expected))}, ${escapeHtml(rate(expected))}${pay.length ? '' : ' (nothing received yet)'}.`,
  ];
  const clipRows = session.clips
    .map((clip) =>
      row([
        escapeHtml(fileName(clip.file)) +
          (clip.origin === 'take' ? ' <span class="meta">(recorded in SafeTake)</span>' : '') +
          (clip.risks?.length ? `<br>Seen during the take: ${escapeHtml(clip.risks.map((risk) => `${risk.atSeconds.toFixed(1)} s ${risk.label}`).join('; '))}` : ''),
        clip.durationSeconds === undefined ? '—' : `${clip.durationSeconds.toFixed(1)} s`,
        `<code>${clip.sha256 ?? '—'}</code>`,
        clip.sanitized ? `${escapeHtml(fileName(clip.sanitized.output))}<br><code>${clip.sanitized.sha256}</code><br>${clip.sanitized.identifyingLeft} identifying tags left` : 'not sanitized',
        clip.outcome
          ? escapeHtml(`${clip.outcome.outcome}${clip.outcome.reason ? `: ${clip.outcome.reason}` : ''}${clip.outcome.paid ? `; paid ${formatMoney(clip.outcome.paid)}` : ''}${clip.outcome.paidOn ? ` on ${clip.outcome.paidOn}` : ''}`)
          : 'pending',
      ]),
    )
    .join('');
  const evidenceRows = session.evidence
    .map((item) => row([escapeHtml(item.name), `${item.bytes.toLocaleString('en')} bytes`, `<code>${item.sha256}</code>`, escapeHtml(readableLocal(item.atLocal))]))
    .join('');
  const timelineRows = mine
    .map((entry) => `<tr><td class="when">${escapeHtml(readableLocal(entry.at))}</td><td>${escapeHtml(describeEvent(entry.event, session))}</td></tr>`)
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`Work session evidence: ${session.platform}`)}</title>
<style>${PRINT_STYLE}</style></head>
<body>
<h1>${escapeHtml(`Work session evidence: ${session.platform}${session.task ? `, ${session.task}` : ''}`)}</h1>
<p class="meta">From ${escapeHtml(readableLocal(session.startedAtLocal))}${session.end === undefined ? ' (still running)' : ''}. Made ${escapeHtml(readableLocal(context.generatedAtLocal))} by SafeTake ${escapeHtml(context.appVersion)} from the worker's own session log.</p>
${session.notes ? `<p>Notes: ${escapeHtml(session.notes)}</p>` : ''}
<h2>Time</h2>
<table><tbody>${phaseRows}<tr><th>All working time (pauses and breaks not counted as work excluded)</th><th class="num">${formatWorked(total)}</th></tr></tbody></table>
${restBreaks >= 1 ? `<p>Breaks, not counted as work: ${formatWorked(Math.floor(restBreaks))}.</p>` : ''}
<h2>Pay</h2>
<p>Terms: ${escapeHtml(formatMoney(session.terms))} per ${escapeHtml(session.terms.per.replace('-', ' '))}.</p>
${payLines.map((line) => `<p>${line}</p>`).join('\n')}
${context.deal ? dealSection(context.deal) : ''}
<h2>Clips (${session.clips.length})</h2>
${session.clips.length ? `<table><thead><tr><th>File</th><th>Length</th><th>SHA-256</th><th>Clean copy</th><th>Outcome</th></tr></thead><tbody>${clipRows}</tbody></table>` : '<p>No clips.</p>'}
<h2>Attached evidence (${session.evidence.length})</h2>
${session.evidence.length ? `<table><thead><tr><th>File</th><th>Size</th><th>SHA-256</th><th>Attached</th></tr></thead><tbody>${evidenceRows}</tbody></table>` : '<p>None.</p>'}
<h2>Timeline</h2>
<table><tbody>${timelineRows}</tbody></table>
<h2>Integrity</h2>
<p>Each line of the log carries the SHA-256 of the line before it. When this report was made the log held ${context.logEvents} events and its last line hashed to <code>${escapeHtml(context.logHead)}</code>. <code>safetake log verify</code> checks the chain; a later head that differs means the log changed since.</p>
</body></html>
`;
}
