import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { memo, useEffect, useRef } from 'react';
import { useTheme } from '../app/theme.dom';
import { useT } from '../app/language.dom';
import { currentLocale, formatDay, formatNumber } from '../../core/i18n/i18n.std';
import type { IpcResponse } from '../../core/ipc/contract.std';
import { type Money } from '../../core/sessions/eventLog.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { phaseName } from '../../core/sessions/time.std';
import { RateVsMinimum } from './RateVsMinimum.dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Overview = IpcResponse<'sessions:overview'>;

/** Okabe-Ito, in an order where neighbours in a stack stay apart for every common colour-vision deficiency. */
const PHASE_COLOURS: Record<string, string> = {
  setup: '#e69f00',
  take: '#0072b2',
  retake: '#d55e00',
  sanitizing: '#56b4e9',
  uploading: '#009e73',
  waiting: '#cc79a7',
  instructions: '#f0e442',
  troubleshooting: '#000000',
  // Breaks counted as work: a mid grey that stands 3:1 against the page, darker than time in no phase.
  break: '#767676',
  other: '#999999',
};
const OUTCOME_COLOURS = { approved: '#0072b2', rejected: '#d55e00', pending: '#999999' } as const;
const OUTCOME_NAMES = { approved: 'sessions.weekly.approved', rejected: 'sessions.weekly.rejected', pending: 'sessions.weekly.pending' } as const;

/** One Chart.js bar chart on a canvas that screen readers read as an image with `summary` as its text. */
function BarChart({ config, summary }: { config: ChartConfiguration<'bar'>; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  useEffect(() => {
    // Text and grid lines in the theme's own colours (app.css), read when the chart is drawn: set on each
    // scale, since a scale resolves its colours from the defaults once, when the library loads.
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue('--muted').trim();
    const line = style.getPropertyValue('--line').trim();
    Chart.defaults.color = text;
    const chart = new Chart(canvas.current!, config);
    for (const scale of Object.values(chart.options.scales ?? {})) {
      if (!scale) continue;
      scale.grid = { ...scale.grid, color: line };
      scale.border = { ...scale.border, color: line };
      scale.ticks = { ...scale.ticks, color: text };
      if (scale.title) scale.title = { ...scale.title, color: text };
    }
    chart.update();
    return () => chart.destroy();
  }, [config, theme]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}

// No animation: charts are read, not watched, and motion bothers some readers.
const common = { animation: false, responsive: true, maintainAspectRatio: false } as const;

/** Hours as the tables show them, to the hundredth. */
const hundredths = (hours: number) => formatNumber(hours, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Hours by phase per week, the effective rate per platform, and clips by the platform's decision per week. */
export const WeeklyCharts = memo(function WeeklyCharts({ overview, minimum }: { overview: Overview; minimum?: Money }) {
  const t = useT();
  const weeks = overview.weeks;
  if (weeks.length === 0) return null;
  // The charts' own numbers (ticks, tooltips) in the worker's locale too.
  const options = { ...common, locale: currentLocale() };
  const labels = weeks.map((week) => t('sessions.weekly.weekOf', { week: formatDay(week.week) }));
  const phases = Object.keys(PHASE_COLOURS).filter((phase) => weeks.some((week) => (week.phaseHours[phase as keyof typeof week.phaseHours] ?? 0) > 0));
  const hoursConfig: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels,
      datasets: phases.map((phase) => ({
        label: phaseName(phase),
        data: weeks.map((week) => Number((week.phaseHours[phase as keyof typeof week.phaseHours] ?? 0).toFixed(2))),
        backgroundColor: PHASE_COLOURS[phase],
      })),
    },
    options: { ...options, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: t('sessions.column.hours') } } } },
  };
  const rates = overview.summary.flatMap((row) => row.rates.map((rate) => ({ label: `${row.platform} (${rate.currency})`, amount: rate.amount })));
  const ratesConfig: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: { labels: rates.map((rate) => rate.label), datasets: [{ label: t('sessions.weekly.rateLegend'), data: rates.map((rate) => Number(rate.amount.toFixed(2))), backgroundColor: '#0072b2' }] },
    options: { ...options, plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: t('sessions.column.perHour') } } } },
  };
  const clipsConfig: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels,
      datasets: (['approved', 'rejected', 'pending'] as const).map((outcome) => ({
        label: t(OUTCOME_NAMES[outcome]),
        data: weeks.map((week) => week.clips[outcome]),
        backgroundColor: OUTCOME_COLOURS[outcome],
      })),
    },
    options: { ...options, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: t('sessions.weekly.clipsAxis') }, ticks: { precision: 0 } } } },
  };
  const last = weeks.at(-1)!;
  return (
    <section className="weekly" aria-labelledby="weekly-heading">
      <h3 id="weekly-heading">{t('sessions.weekly.heading')}</h3>
      <div className="charts">
        <figure>
          <figcaption>{t('sessions.weekly.hoursCaption')}</figcaption>
          <BarChart
            config={hoursConfig}
            summary={t('sessions.weekly.hoursSummary', { week: formatDay(last.week), hours: formatNumber(last.hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
          />
        </figure>
        {rates.length > 0 && (
          <figure>
            <figcaption>{t('sessions.weekly.ratesCaption')}</figcaption>
            <BarChart
              config={ratesConfig}
              summary={t('sessions.weekly.ratesSummary', {
                rates: rates.map((rate) => `${rate.label} ${hundredths(rate.amount)}`).join('; '),
              })}
            />
          </figure>
        )}
        <figure>
          <figcaption>{t('sessions.weekly.clipsCaption')}</figcaption>
          <BarChart config={clipsConfig} summary={t('sessions.weekly.clipsSummary', { ...last.clips })} />
        </figure>
      </div>
      <details>
        <summary>{t('sessions.weekly.numbers')}</summary>
        {/* A column per phase is wider than a small window: the table scrolls in its own box (by keyboard too), not the page. */}
        <div className="table-scroll" role="region" tabIndex={0} aria-label={t('sessions.weekly.tableCaption')}>
          <table className="weeks-table">
            <caption>{t('sessions.weekly.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.weekly.weekColumn')}</th>
                <th scope="col">{t('sessions.column.sessions')}</th>
                <th scope="col">{t('sessions.column.hours')}</th>
                {phases.map((phase) => (
                  <th scope="col" key={phase}>
                    {phaseName(phase)}
                  </th>
                ))}
                <th scope="col">{t(OUTCOME_NAMES.approved)}</th>
                <th scope="col">{t(OUTCOME_NAMES.rejected)}</th>
                <th scope="col">{t(OUTCOME_NAMES.pending)}</th>
                <th scope="col">{t('sessions.column.received')}</th>
                <th scope="col">{t('sessions.column.perHour')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{formatDay(week.week)}</th>
                  <td>{formatNumber(week.sessions)}</td>
                  <td>{hundredths(week.hours)}</td>
                  {phases.map((phase) => (
                    <td key={phase}>{hundredths(week.phaseHours[phase as keyof typeof week.phaseHours] ?? 0)}</td>
                  ))}
                  <td>{formatNumber(week.clips.approved)}</td>
                  <td>{formatNumber(week.clips.rejected)}</td>
                  <td>{formatNumber(week.clips.pending)}</td>
                  <td>{formatMoney(week.received) || '—'}</td>
                  <td>
                    <RateVsMinimum rates={week.rates} afterCosts={week.ratesAfterCosts} minimum={minimum} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
});
