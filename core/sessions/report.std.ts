/**
 * The printable evidence report of one session: what a worker hands to a platform in a dispute. Every
 * minute of the session in order, the time per phase, the pay, and every clip and attached file with its
 * SHA-256, plus the log's chain head so that anyone can check the report against the log. Pure: the HTML
 * as a string; the main process prints it to PDF. The page loads nothing: no script, font or image.
 */
import type { DealView } from '../ipc/contract.std';
import { type MessageId, currentLanguage, formatDateTime, formatDay, formatNumber, richMessage, t } from '../i18n/i18n.std';
import { consentQuestion } from '../terms/consent.std';
import { redFlagRule } from '../terms/redFlags.std';
import { describeCost } from '../terms/costs.std';
import { factorName, ratingName } from '../terms/rating.std';
import { riskName } from '../corner/risks.std';
import type { EventData, LogEntry, Money } from './eventLog.std';
import { phaseName, phaseSeconds, restBreakSeconds, sessionSeconds } from './time.std';
import type { Session } from './replay.std';
import { formatMoney, formatPer, expectedPay, received } from './pay.std';
import { formatWorked, wholeSecondParts } from '../shared/clock.std';
import { fileName } from '../shared/fileName.std';

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

/** A message as HTML: its words escaped, its `<code>` tags kept as code. */
function htmlMessage(id: MessageId, values: Record<string, string | number> = {}): string {
  type Html = { html: string };
  const html = (parts: Array<string | Html>) => parts.map((part) => (typeof part === 'string' ? escapeHtml(part) : part.html)).join('');
  return html(richMessage<Html>(id, { ...values, code: (chunks) => ({ html: `<code>${html(chunks)}</code>` }) }));
}

/**
 * "2026-11-23T09:05:00.000+01:00" -> "Nov 23, 2026, 9:05:00 AM (UTC+01:00)": the time the worker's own clock
 * showed, in their language, with its offset, whatever the time zone of the machine that makes the report.
 */
export function readableLocal(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}:\d{2}|Z)$/.exec(at);
  if (!match) return at;
  // The wall-clock time read as UTC and shown in UTC: the digits stay those of the worker's clock.
  const time = formatDateTime(Date.parse(`${match[1]}T${match[2]}Z`), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return t('report.localTime', { time, offset: match[3] === 'Z' ? '+00:00' : match[3] });
}

/** Whether an optional part of a message is there, for its `select`. */
const has = (value: unknown) => (value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? 'no' : 'yes');

/** A length in seconds to a tenth, as the timeline and the clips table show it. */
const seconds = (value: number) => t('report.seconds', { seconds: formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });

/** One line of the timeline, in words. Take and clip names come from the session's own records. */
function describeEvent(event: EventData, session: Session): string {
  const clipName = (clipId: string) => {
    const clip = session.clips.find((candidate) => candidate.clipId === clipId) ?? session.takes.find((take) => take.takeId === clipId);
    return clip ? fileName(clip.file) : t('report.event.aClip');
  };
  const phaseOf = (phaseId: string) => {
    const phase = session.phases.find((candidate) => candidate.phaseId === phaseId);
    return phase ? phaseName(phase.phase) : t('report.event.aPhase');
  };
  switch (event.type) {
    case 'session.started':
      return t('report.event.sessionStarted', { platform: event.platform, hasTask: has(event.task), task: event.task, terms: formatPer(event.terms, event.terms.per) });
    case 'session.paused':
      return t('report.event.paused');
    case 'session.resumed':
      return t('report.event.resumed');
    case 'session.ended':
      return t('report.event.sessionEnded');
    case 'phase.started':
      return t('report.event.phaseStarted', { phase: phaseName(event.phase) });
    case 'phase.stopped':
      return t('report.event.phaseStopped', { phase: phaseOf(event.phaseId) });
    case 'pay.received':
      return t('report.event.payReceived', { pay: formatMoney(event) });
    case 'take.started':
      return t('report.event.takeStarted', { file: fileName(event.file) });
    case 'take.stopped':
      return t('report.event.takeStopped', { clip: clipName(event.takeId), length: seconds(event.durationSeconds), sha256: event.sha256 });
    case 'take.risk':
      return t('report.event.takeRisk', { clip: clipName(event.takeId), at: seconds(event.atSeconds), label: event.label });
    case 'take.discarded':
      return t('report.event.takeDiscarded', { clip: clipName(event.takeId) });
    case 'corner.checked':
      return t('report.event.cornerChecked', {
        verdict: event.verdict,
        hasOpen: has(event.open),
        open: event.open.map(riskName).join(', '),
        hasAccepted: has(event.accepted),
        accepted: event.accepted.map(riskName).join(', '),
        hasBlurred: has(event.blurred ?? []),
        blurred: (event.blurred ?? []).map(riskName).join(', '),
      });
    case 'log.repaired':
      return t('report.event.logRepaired', {
        reason: event.reason,
        kept: event.keptEvents,
        dropped: event.droppedLines,
        file: fileName(event.damagedFile),
        sha256: event.damagedSha256,
      });
    case 'clip.added':
      return t('report.event.clipAdded', { file: fileName(event.file), sha256: event.sha256 });
    case 'clip.sanitized': {
      const made = t('report.event.clipSanitized', { clip: clipName(event.clipId), file: fileName(event.output), sha256: event.sha256, left: event.identifyingLeft });
      // The notes are the sentences the worker was shown when the copy was made, kept in the log as they were.
      return event.notes?.length ? t('report.event.withNotes', { event: made, notes: event.notes.join(' ') }) : made;
    }
    case 'clip.outcome':
      return t('report.event.clipOutcome', {
        clip: clipName(event.clipId),
        outcome: event.outcome,
        hasReason: has(event.reason),
        reason: event.reason,
        hasPaid: has(event.paid),
        paid: event.paid && formatMoney(event.paid),
        hasPaidOn: has(event.paidOn),
        paidOn: event.paidOn && formatDay(event.paidOn),
      });
    case 'time.corrected':
      return t('report.event.timeCorrected', {
        what: event.phaseId === undefined ? 'session' : 'phase',
        phase: event.phaseId === undefined ? undefined : phaseOf(event.phaseId),
        endedAt: readableLocal(event.endedAt),
      });
    case 'evidence.attached':
      return t('report.event.evidenceAttached', { name: event.name, sha256: event.sha256 });
    case 'terms.attached':
      return t('report.event.termsAttached', { platform: event.platform, name: event.name, sha256: event.sha256 });
    case 'terms.removed':
      return t('report.event.termsRemoved', { platform: event.platform });
    case 'consent.answered':
      return t('report.event.consentAnswered', {
        platform: event.platform,
        answer: event.answer,
        answeredOn: formatDay(event.answeredOn),
        check: consentQuestion(event.question).check,
        hasWords: has(event.platformWords),
        words: event.platformWords,
        hasReply: has(event.reply),
        reply: event.reply?.name,
        sha256: event.reply?.sha256,
      });
    case 'cost.added':
      return t('report.event.costAdded', { hasPlatform: has(event.platform), platform: event.platform, label: event.label, cost: describeCost(event) });
    case 'cost.removed':
      return t('report.event.costRemoved');
    case 'cost.ended':
      return t('report.event.costEnded');
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

/** A share (0.25) as a whole per cent, as the report and the work record write it. */
export const percent = (share: number) => t('report.percent', { percent: Math.round(share * 100) });

/** The deal the work was done under: the platform's report card, the red flags in its terms, the consent answers. */
function dealSection(deal: DealView): string {
  const { card } = deal;
  // A dash, not a word, where there is nothing to show.
  const none = '—';
  const figures: Array<[MessageId, string]> = [
    ['report.deal.rateBeforeCosts', card.ratesBeforeCosts.length ? formatPer(card.ratesBeforeCosts, 'hour') : none],
    ['report.deal.costsEntered', formatMoney(card.costs) || t('report.deal.noCosts')],
    [
      'report.deal.rateAfterCosts',
      card.ratesAfterCosts.length
        ? card.againstMinimum?.below
          ? t('report.deal.belowMinimum', { rate: formatPer(card.ratesAfterCosts, 'hour'), shortfall: formatMoney({ amount: card.againstMinimum.shortfall, currency: card.againstMinimum.rate.currency }) })
          : formatPer(card.ratesAfterCosts, 'hour')
        : none,
    ],
    ['report.deal.unpaidShare', card.unpaidShare === undefined ? none : percent(card.unpaidShare)],
    [
      'report.deal.rejected',
      card.rejectionShare === undefined
        ? none
        : t('report.deal.rejectedShare', {
            percent: percent(card.rejectionShare),
            hasReasons: has(card.rejectionReasons),
            reasons: card.rejectionReasons.map((one) => t('report.deal.reasonCount', { reason: one.reason, clips: one.clips })).join(', '),
          }),
    ],
    ['report.deal.daysToPay', card.medianDaysToPay === undefined ? none : formatNumber(Math.round(card.medianDaysToPay))],
    ['report.deal.payTermsSeen', card.rateHistory.map((entry) => t('report.deal.termsFrom', { terms: formatPer(entry.terms, entry.terms.per), from: formatDay(entry.fromLocal) })).join('; ') || none],
  ];
  const flags = deal.documents.flatMap((document) => document.flags.map((flag) => ({ ...flag, document: document.name })));
  const flagRows = [...new Set(flags.map((flag) => flag.rule))]
    .map((rule) => {
      const mine = flags.filter((flag) => flag.rule === rule);
      const first = mine[0]!;
      const where = t('report.deal.flagWhere', { document: first.document, hasPage: has(first.page), page: first.page?.toString(), start: String(first.start), end: String(first.end), more: mine.length - 1 });
      return `<tr><td>${escapeHtml(redFlagRule(rule).title)}<br><span class="meta">${rule}</span></td><td>“${escapeHtml(first.quote)}”<br><span class="meta">${escapeHtml(where)}</span></td></tr>`;
    })
    .join('');
  const answers = deal.questions
    .map((question) => {
      const { record } = question;
      const answer = record
        ? t('report.deal.answer', {
            answer: record.answer,
            answeredOn: formatDay(record.answeredOn),
            hasWords: has(record.platformWords),
            words: record.platformWords,
            hasReply: has(record.reply),
            reply: record.reply?.name,
            sha256: record.reply?.sha256,
          })
        : t('report.deal.notAnswered');
      return `<tr><td>${escapeHtml(question.check)}</td><td>${escapeHtml(answer)}</td></tr>`;
    })
    .join('');
  const documents = deal.documents.map((document) => t('report.deal.document', { name: document.name, sha256: document.sha256 })).join('; ') || t('report.deal.noTermsRead');
  return `<h2>${escapeHtml(t('report.deal.heading', { platform: deal.platform }))}</h2>
<p class="meta">${escapeHtml(t('report.deal.source'))}</p>
<table><tbody>${figures.map(([name, value]) => `<tr><td>${escapeHtml(t(name))}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>
<h3>${escapeHtml(t('report.deal.factors'))}</h3>
<table><tbody>${card.factors.map((factor) => `<tr><td>${escapeHtml(factorName(factor.factor))}</td><td>${escapeHtml(ratingName(factor.rating))}</td><td>${escapeHtml(factor.reason)}</td></tr>`).join('')}</tbody></table>
<h3>${escapeHtml(t('report.deal.redFlags', { documents }))}</h3>
${flagRows ? `<table><tbody>${flagRows}</tbody></table>` : `<p>${escapeHtml(t('report.deal.noRedFlags'))}</p>`}
<h3>${escapeHtml(t('report.deal.consentQuestions'))}</h3>
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
  const rate = (money: Money) => (hours > 0 ? formatPer({ ...money, amount: money.amount / hours }, 'hour') : '—');
  const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  const text = (id: MessageId, values?: Record<string, string | number | undefined>) => escapeHtml(t(id, values));
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
    ...pay.map((money) => text('report.pay.received', { pay: formatMoney(money), rate: rate(money) })),
    text('report.pay.expected', { pay: formatMoney(expected), rate: rate(expected), nothingYet: pay.length ? 'no' : 'yes' }),
  ];
  const clipRows = session.clips
    .map((clip) =>
      row([
        escapeHtml(fileName(clip.file)) +
          (clip.origin === 'take' ? ` <span class="meta">${text('report.clips.recordedInApp')}</span>` : '') +
          (clip.risks?.length
            ? `<br>${text('report.clips.seenDuringTake', { risks: clip.risks.map((risk) => t('report.clips.risk', { at: seconds(risk.atSeconds), label: risk.label })).join('; ') })}`
            : ''),
        clip.durationSeconds === undefined ? '—' : escapeHtml(seconds(clip.durationSeconds)),
        `<code>${clip.sha256 ?? '—'}</code>`,
        clip.sanitized
          ? `${escapeHtml(fileName(clip.sanitized.output))}<br><code>${clip.sanitized.sha256}</code><br>${text('report.clips.identifyingLeft', { left: clip.sanitized.identifyingLeft })}`
          : text('report.clips.notSanitized'),
        clip.outcome
          ? text('report.clips.outcome', {
              outcome: clip.outcome.outcome,
              hasReason: has(clip.outcome.reason),
              reason: clip.outcome.reason,
              hasPaid: has(clip.outcome.paid),
              paid: clip.outcome.paid && formatMoney(clip.outcome.paid),
              hasPaidOn: has(clip.outcome.paidOn),
              paidOn: clip.outcome.paidOn && formatDay(clip.outcome.paidOn),
            })
          : text('report.clips.outcome', { outcome: 'pending', hasReason: 'no', hasPaid: 'no', hasPaidOn: 'no' }),
      ]),
    )
    .join('');
  const evidenceRows = session.evidence
    .map((item) => row([escapeHtml(item.name), text('report.evidence.bytes', { bytes: item.bytes }), `<code>${item.sha256}</code>`, escapeHtml(readableLocal(item.atLocal))]))
    .join('');
  const timelineRows = mine
    .map((entry) => `<tr><td class="when">${escapeHtml(readableLocal(entry.at))}</td><td>${escapeHtml(describeEvent(entry.event, session))}</td></tr>`)
    .join('');
  const heading = (id: MessageId, values?: Record<string, string | number>) => `<h2>${text(id, values)}</h2>`;

  return `<!doctype html>
<html lang="${currentLanguage()}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${text('report.title', { platform: session.platform, hasTask: 'no' })}</title>
<style>${PRINT_STYLE}</style></head>
<body>
<h1>${text('report.title', { platform: session.platform, hasTask: has(session.task), task: session.task })}</h1>
<p class="meta">${text('report.made', { from: readableLocal(session.startedAtLocal), running: session.end === undefined ? 'yes' : 'no', made: readableLocal(context.generatedAtLocal), version: context.appVersion })}</p>
${session.notes ? `<p>${text('report.notes', { notes: session.notes })}</p>` : ''}
${heading('report.time.heading')}
<table><tbody>${phaseRows}<tr><th>${text('report.time.allWorkingTime')}</th><th class="num">${formatWorked(total)}</th></tr></tbody></table>
${restBreaks >= 1 ? `<p>${text('report.time.restBreaks', { time: formatWorked(Math.floor(restBreaks)) })}</p>` : ''}
${heading('report.pay.heading')}
<p>${text('report.pay.terms', { terms: formatPer(session.terms, session.terms.per) })}</p>
${payLines.map((line) => `<p>${line}</p>`).join('\n')}
${context.deal ? dealSection(context.deal) : ''}
${heading('report.clips.heading', { count: session.clips.length })}
${
  session.clips.length
    ? `<table><thead><tr><th>${text('report.column.file')}</th><th>${text('report.column.length')}</th><th>SHA-256</th><th>${text('report.column.cleanCopy')}</th><th>${text('report.column.outcome')}</th></tr></thead><tbody>${clipRows}</tbody></table>`
    : `<p>${text('report.clips.none')}</p>`
}
${heading('report.evidence.heading', { count: session.evidence.length })}
${
  session.evidence.length
    ? `<table><thead><tr><th>${text('report.column.file')}</th><th>${text('report.column.size')}</th><th>SHA-256</th><th>${text('report.column.attached')}</th></tr></thead><tbody>${evidenceRows}</tbody></table>`
    : `<p>${text('report.evidence.none')}</p>`
}
${heading('report.timeline.heading')}
<table><tbody>${timelineRows}</tbody></table>
${heading('report.integrity.heading')}
<p>${htmlMessage('report.integrity.text', { events: context.logEvents, head: context.logHead })}</p>
</body></html>
`;
}
