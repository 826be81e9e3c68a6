import './sessions.css';
import { useCallback, useState } from 'react';
import { formatNumber } from '../../core/i18n/i18n.std';
import { formatMoney } from '../../core/sessions/pay.std';
import { formatWorked } from '../../core/shared/clock.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { RateVsMinimum } from './RateVsMinimum.dom';
import { WeeklyCharts } from './WeeklyCharts.dom';
import { ActiveSession } from './ActiveSession.dom';
import { PastSessions } from './PastSessions.dom';
import { CsvExport, MinimumRateForm } from './SessionSettings.dom';
import { StartSession } from './StartSession.dom';
import type { Minimum } from './sessionActions.dom';
import { useSessionsOverview } from './useSessionsOverview.dom';
import { SessionSummary } from './EndSession.dom';
import { focusWhenShown } from '../shared/focus.dom';
import type { SessionViewData } from '../../core/ipc/contract.std';

export function SessionsView() {
  const t = useT();
  const [minimum, setMinimum] = useState<Minimum>();
  const readMinimum = useCallback((onError: (message: string) => void) => {
    call(api['settings:get']({})).then((settings) => setMinimum(settings.minimumHourlyRate), (e: Error) => onError(e.message));
  }, []);
  const { overview, error, refresh, act } = useSessionsOverview(readMinimum);
  /** The session just ended here, whose summary shows until the worker closes it. */
  const [ended, setEnded] = useState<SessionViewData>();

  if (!overview) return error ? <p role="alert">{error}</p> : <p role="status">{t('sessions.view.reading')}</p>;
  return (
    <section className="sessions" aria-label={t('app.area.sessions')}>
      {error && <p role="alert">{error}</p>}
      {overview.notice && (
        <p role="status" className="note">
          {overview.notice}
        </p>
      )}
      {ended && (
        <SessionSummary
          session={ended}
          onClose={() => {
            setEnded(undefined);
            focusWhenShown('start-platform');
          }}
        />
      )}
      {overview.active ? (
        <ActiveSession
          session={overview.active}
          act={act}
          refresh={refresh}
          onEnded={(view) => {
            setEnded(view);
            refresh();
          }}
        />
      ) : (
        <StartSession platforms={overview.platforms} tasks={overview.tasks} act={act} currency={overview.recent[0]?.terms.currency} />
      )}
      <PastSessions sessions={overview.recent} minimum={minimum} act={act} />
      <WeeklyCharts overview={overview} minimum={minimum} />
      {overview.summary.length > 0 && (
        <table className="summary-table">
          <caption>{t('sessions.view.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.column.platform')}</th>
              <th scope="col">{t('sessions.column.sessions')}</th>
              <th scope="col">{t('sessions.column.timeWorked')}</th>
              <th scope="col">{t('sessions.column.received')}</th>
              <th scope="col">{t('sessions.column.effectiveRate')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.summary.map((row) => (
              <tr key={row.platform}>
                <th scope="row">{row.platform}</th>
                <td>{formatNumber(row.sessions)}</td>
                <td>{formatWorked(row.hours * 3600)}</td>
                <td>{formatMoney(row.received) || t('sessions.view.nothingEntered')}</td>
                <td>
                  <RateVsMinimum rates={row.rates} afterCosts={row.ratesAfterCosts} minimum={minimum} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvExport act={act} />
      <MinimumRateForm minimum={minimum} act={act} usualCurrency={overview.recent[0]?.terms.currency} />
    </section>
  );
}

