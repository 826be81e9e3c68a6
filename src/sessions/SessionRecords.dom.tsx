import { type ReactNode, useId, useState } from 'react';
import { currentLocale, richMessage } from '../../core/i18n/i18n.std';
import type { SessionViewData } from '../../core/ipc/contract.std';
import { formatMoney, sessionPayPerClip } from '../../core/sessions/pay.std';
import { formatClock } from '../../core/shared/clock.std';
import { readPayment } from '../../core/shared/amount.std';
import { fileName } from '../../core/shared/fileName.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { FileActions } from '../shared/FileActions.dom';
import { hidden } from '../shared/messageTags.dom';

type Act = (change: () => Promise<unknown>) => Promise<void>;
type Clip = SessionViewData['clips'][number];
type Refused = Array<{ path: string; reason: string }>;

/**
 * A session's clips (with their fingerprints, clean copies and the platform's outcome), its evidence, and
 * the evidence report. Every change is a line in the log before the view shows it. `waitingTake`: a take
 * just recorded, waiting for Keep or Retake, is not listed among the clips until it is kept.
 */
export function SessionRecords({ session, act, waitingTake }: { session: SessionViewData; act: Act; waitingTake?: string }) {
  const t = useT();
  const clips = session.clips.filter((clip) => clip.clipId !== waitingTake);
  const [refused, setRefused] = useState<Refused>([]);
  const [report, setReport] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [includeDeal, setIncludeDeal] = useState(false);
  const dealId = useId();
  const { clean } = useNavigation();
  const addFiles = (channel: 'sessions:addClips' | 'sessions:attach', pick: 'dialog:pickMedia' | 'dialog:pickEvidence') =>
    act(async () => {
      setRefused([]);
      const { paths } = await call(api[pick]({}));
      if (paths.length === 0) return;
      const result = await call(api[channel]({ sessionId: session.id, paths }));
      setRefused(result.refused);
    });
  return (
    <div className="session-records">
      <div className="actions">
        <button type="button" onClick={() => void addFiles('sessions:addClips', 'dialog:pickMedia')}>
          {t('sessions.records.addClips')}
        </button>
        <button type="button" onClick={() => void addFiles('sessions:attach', 'dialog:pickEvidence')}>
          {t('sessions.records.attachEvidence')}
        </button>
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              setReport(undefined);
              const saved = await call(api['sessions:report']({ sessionId: session.id, includeDeal }));
              if (saved.file) setReport(t('sessions.records.reportSaved', { file: saved.file }));
            })
          }
        >
          {t('sessions.records.saveReport')}
        </button>
        <span className="field checkbox">
          <input id={dealId} type="checkbox" checked={includeDeal} onChange={(e) => setIncludeDeal(e.target.checked)} />
          <label htmlFor={dealId}>{t('sessions.records.withDeal')}</label>
        </span>
      </div>
      {report && <p role="status">{report}</p>}
      {problem && <p role="alert">{problem}</p>}
      {refused.length > 0 && (
        <div role="alert">
          <ul aria-label={t('sessions.records.refusedLabel')}>
            {refused.map((item) => (
              <li key={item.path}>{t('sessions.records.refusedItem', { file: fileName(item.path), reason: item.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      <PayLine session={session} />
      {clips.length > 0 && (
        <table className="clips-table">
          <caption>{t('sessions.records.clipsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.column.clip')}</th>
              <th scope="col">{t('sessions.column.length')}</th>
              <th scope="col">{t('sessions.column.cleanCopy')}</th>
              <th scope="col">{t('sessions.column.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {clips.map((clip) => (
              <tr key={clip.clipId}>
                <th scope="row" title={clip.file}>
                  {fileName(clip.file)}
                  {clip.origin === 'take' && <span className="hint"> {t('sessions.records.take')}</span>}
                  {clip.risks && clip.risks.length > 0 && (
                    <span className="hint">
                      <br />
                      {t('sessions.records.seenDuringTake', { risks: clip.risks.map((risk) => `${formatClock(risk.atSeconds)} ${risk.label}`).join('; ') })}
                    </span>
                  )}
                  <FileActions file={clip.file} name={fileName(clip.file)} onError={setProblem} />
                </th>
                <td>{clip.durationSeconds === undefined ? '—' : formatClock(clip.durationSeconds)}</td>
                <td>
                  {clip.sanitized ? (
                    <span title={`${clip.sanitized.output}\n${t('sessions.records.fingerprint', { hash: clip.sanitized.sha256 })}`}>
                      {fileName(clip.sanitized.output)}{' '}
                      {clip.sanitized.identifyingLeft === 0 ? t('sessions.records.clean') : t('sessions.records.tagsLeft', { count: clip.sanitized.identifyingLeft })}
                      <FileActions file={clip.sanitized.output} name={fileName(clip.sanitized.output)} onError={setProblem} />
                      {clip.sanitized.notes?.map((note) => (
                        <span key={note} className="note">
                          <br />
                          {note}
                        </span>
                      ))}
                    </span>
                  ) : (
                    <>
                      {t('sessions.records.noCleanCopy')}{' '}
                      <button type="button" onClick={() => clean([clip.file], session)}>
                        {richMessage<ReactNode>('sessions.records.makeCleanCopy', {
                          file: fileName(clip.file),
                          hidden,
                        })}
                      </button>
                    </>
                  )}
                </td>
                <td>
                  <OutcomeForm session={session} clip={clip} act={act} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.evidence.length > 0 && (
        <ul className="evidence-list" aria-label={t('sessions.records.evidenceLabel')}>
          {session.evidence.map((item) => (
            <li key={item.file}>
              <span title={t('sessions.records.fingerprint', { hash: item.sha256 })}>{item.name}</span> · {t('sessions.records.bytes', { bytes: item.bytes })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PayLine({ session }: { session: SessionViewData }) {
  const t = useT();
  return (
    <p className="pay-line">
      {session.received.length > 0
        ? t('sessions.records.received', { received: formatMoney(session.received), rate: formatMoney(session.rates) })
        : t('sessions.records.nothingReceived')}{' '}
      {session.expectedRate
        ? t('sessions.records.expectedWithRate', { expected: formatMoney(session.expected), rate: formatMoney(session.expectedRate) })
        : t('sessions.pay.expected', { expected: formatMoney(session.expected) })}
    </p>
  );
}

/** The platform's decision on one clip: approved or rejected (with the reason), and what it paid, when. */
function OutcomeForm({ session, clip, act }: { session: SessionViewData; clip: Clip; act: Act }) {
  const t = useT();
  const [form, setForm] = useState({
    outcome: clip.outcome?.outcome ?? 'pending',
    reason: clip.outcome?.reason ?? '',
    paid: clip.outcome?.paid ? String(clip.outcome.paid.amount) : '',
    paidOn: clip.outcome?.paidOn ?? '',
  });
  const ids = { outcome: useId(), reason: useId(), paid: useId(), paidOn: useId() };
  const name = fileName(clip.file);
  // Read as every other amount is ("0,50", "$0.50"); a blank or a space is no payment, not 0.
  const { currency } = session.terms;
  const payment = form.paid.trim() === '' ? undefined : readPayment(form.paid, currency, currentLocale());
  const paid = payment && 'amount' in payment ? payment.amount : undefined;
  const refusal = payment && 'refusal' in payment ? t(`sessions.amount.${payment.refusal}`, { currency }) : undefined;
  const paidValid = refusal === undefined;
  return (
    <form
      className="outcome-form"
      aria-label={t('sessions.outcome.formLabel', { file: name })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!paidValid) return;
        void act(() =>
          call(
            api['sessions:outcome']({
              sessionId: session.id,
              clipId: clip.clipId,
              outcome: form.outcome,
              ...(form.outcome === 'rejected' && form.reason.trim() ? { reason: form.reason.trim() } : {}),
              ...(paid !== undefined ? { paid: { amount: paid, currency } } : {}),
              ...(form.paidOn ? { paidOn: form.paidOn } : {}),
            }),
          ),
        );
      }}
    >
      <label htmlFor={ids.outcome}>{t('sessions.outcome.decision')}</label>
      <select id={ids.outcome} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value as typeof form.outcome })}>
        <option value="pending">{t('sessions.outcome.pending')}</option>
        <option value="approved">{t('sessions.outcome.approved')}</option>
        <option value="rejected">{t('sessions.outcome.rejected')}</option>
      </select>
      {form.outcome === 'rejected' && (
        <>
          <label htmlFor={ids.reason}>{t('sessions.outcome.reason')}</label>
          <input id={ids.reason} value={form.reason} maxLength={1000} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        </>
      )}
      {session.payEnteredAs === 'session' ? (
        // The session was paid as a whole: the clips not rejected share that payout and take none of their own.
        <span className="hint">
          {clip.outcome?.outcome === 'rejected'
            ? t('sessions.outcome.rejectedWithSession', { amount: formatMoney(session.received) })
            : t('sessions.outcome.paidWithSession', { amount: formatMoney(sessionPayPerClip(session.received, session.clips)) })}
        </span>
      ) : (
        <>
          <label htmlFor={ids.paid}>{t('sessions.pay.paid', { currency })}</label>
          <input id={ids.paid} inputMode="decimal" size={6} value={form.paid} onChange={(e) => setForm({ ...form, paid: e.target.value })} />
          <label htmlFor={ids.paidOn}>{t('sessions.pay.paidOn')}</label>
          <input id={ids.paidOn} type="date" value={form.paidOn} onChange={(e) => setForm({ ...form, paidOn: e.target.value })} />
        </>
      )}
      <button type="submit" disabled={!paidValid}>
        {t('sessions.outcome.save')}
      </button>
      {refusal && <span className="hint">{refusal}</span>}
    </form>
  );
}
