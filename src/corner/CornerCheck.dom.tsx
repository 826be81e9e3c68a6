/**
 * Check corner: the live preview with a box over each risk, a panel saying what each is, where, and what
 * to do, a verdict that only says "Corner clear" after a few quiet seconds, and the check's result saved
 * for the session log (no image, ever, unless the user saves one).
 */
import './corner.css';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { formatDateTime, richMessage } from '../../core/i18n/i18n.std';
import { type Box, toFractions } from '../../core/media/geometry.std';
import type { IpcRequest } from '../../core/ipc/contract.std';
import type { RiskCategory } from '../../core/corner/risks.std';
import { type TrackedRisk, everyDetectorRan, verdictOf, visibleRisks } from '../../core/corner/tracker.std';
import { api } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { publishDetectorStats } from './detectorStats.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { CameraPreview } from '../shared/CameraPreview.dom';
import { b, hidden } from '../shared/messageTags.dom';
import { percentBox } from '../shared/percentBox.dom';
import { useBoxLabels } from '../shared/boxLabels.dom';
import { useCornerCheck } from './useCornerCheck.dom';

/** Each category has its own Okabe-Ito colour and its own border style, so no flag relies on colour alone. */
const CATEGORY_STYLE: Record<RiskCategory, string> = {
  document: 'risk-document',
  face: 'risk-face',
  screen: 'risk-screen',
  person: 'risk-person',
  medicine: 'risk-medicine',
  other: 'risk-other',
};
/** How often the verdict is re-read between detector runs (it depends on time passing). */
const VERDICT_TICK_MS = 500;
export function CornerCheck() {
  const t = useT();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const { tracker, stats, accept } = useCornerCheck(video, video !== null);
  const [now, setNow] = useState(() => Date.now());
  const [blurRegions, setBlurRegions] = useState<Array<{ id: number; label: string; box: Box }>>([]);
  const blurredIds = new Set(blurRegions.map((region) => region.id));
  /** The flag of the face the worker said is theirs, to keep visible in the session's clean copies. */
  const [ownFace, setOwnFace] = useState<number>();
  const [saved, setSaved] = useState<string>();
  /** Whether a session is running (setup time counts from the check), once main has said. */
  const [inSession, setInSession] = useState<boolean>();
  const { go } = useNavigation();

  useEffect(() => publishDetectorStats(stats), [stats]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), VERDICT_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const size = { width: video?.videoWidth || 1, height: video?.videoHeight || 1 };
  const risks = visibleRisks(tracker);
  // Each detector run is judged by the clock of that run at least, not by an older tick's.
  const verdict = verdictOf(tracker, Math.max(now, tracker.updatedAt), undefined, blurredIds);

  // The way on ("Record a take") sits just under the verdict at the top of the panel: when the corner turns
  // clear after the last flag far down the list was dealt with, the verdict is scrolled back into view.
  useEffect(() => {
    if (verdict.status === 'clear') document.getElementById('corner-verdict')?.scrollIntoView({ block: 'nearest' });
  }, [verdict.status]);

  const markForBlur = useCallback((risk: TrackedRisk) => {
    setBlurRegions((regions) => (regions.some((region) => region.id === risk.id) ? regions : [...regions, { id: risk.id, label: risk.label, box: risk.box }]));
  }, []);

  const result: IpcRequest<'corner:finish'> = {
    verdict: verdict.status,
    open: [...new Set(risks.filter((risk) => !risk.accepted).map((risk) => risk.category))],
    // Flags to blur are accepted too, but the log says which were left in view to be blurred.
    accepted: [...new Set(risks.filter((risk) => risk.accepted && !blurredIds.has(risk.id)).map((risk) => risk.category))],
    blurred: [...new Set(risks.filter((risk) => blurredIds.has(risk.id)).map((risk) => risk.category))],
    keepOwnFace: ownFace !== undefined && !blurredIds.has(ownFace),
    blurRegions: blurRegions.map(({ box }) => toFractions(box, size)),
  };
  // The check's result as of now, for the moment the view closes.
  const unsavedResult = useRef<IpcRequest<'corner:finish'> | undefined>(undefined);
  // Set the moment the log has the check, not when the view draws it: a render from the live check in between
  // must not make it unsaved again (leaving would then log it twice).
  const savedToLog = useRef(false);
  useEffect(() => {
    unsavedResult.current = savedToLog.current ? undefined : result;
  });
  // A check counts as setup time in a running session, from the moment the view opens until it is saved or
  // left; leaving without saving records the check as it stood.
  useEffect(() => {
    void api['corner:begin']({}).then((response) => setInSession(response.ok && response.value.sessionId !== undefined));
    return () => {
      if (unsavedResult.current) void api['corner:finish'](unsavedResult.current);
    };
  }, []);

  async function save(): Promise<boolean> {
    const response = await api['corner:finish'](result);
    // Saved: leaving the view now records nothing more.
    if (response.ok) {
      savedToLog.current = true;
      unsavedResult.current = undefined;
    }
    const time = formatDateTime(new Date(), { timeStyle: 'medium' });
    setSaved(
      response.ok
        ? response.value.sessionId
          ? t('corner.saved.toSession', { time })
          : t('corner.saved.forCleaning', { time })
        : response.error.message,
    );
    return response.ok;
  }

  /** Clear, or every flag accepted: the check is saved and the recorder opens. */
  async function recordNext() {
    if (await save()) go('sessions', 'record-take');
  }

  const labels = risks.map((risk) =>
    blurredIds.has(risk.id) ? t('corner.risk.blurredLabel', { label: risk.label }) : risk.accepted ? t('corner.risk.acceptedLabel', { label: risk.label }) : risk.label,
  );
  const { overlayRef, labelRef, labelStyles } = useBoxLabels(
    risks.map((risk) => risk.box),
    labels,
    size,
  );
  const overlay = (
    <div className="risk-overlay" aria-hidden="true" ref={overlayRef}>
      {risks.map((risk, index) => (
        <div key={risk.id} className="risk-flag">
          <div className={`risk-box ${CATEGORY_STYLE[risk.category]}${risk.accepted ? ' risk-accepted' : ''}`} style={percentBox(risk.box, size)} />
          <span ref={labelRef} className={`box-label risk-box-label ${CATEGORY_STYLE[risk.category]}${risk.accepted ? ' risk-accepted' : ''}`} style={labelStyles[index]}>
            {labels[index]}
          </span>
        </div>
      ))}
      {blurRegions.map((region) => (
        <div key={`blur-${region.id}`} className="risk-box risk-blur" style={percentBox(region.box, size)} />
      ))}
    </div>
  );

  return (
    <div className="corner">
      <CameraPreview onLive={setVideo} overlay={overlay} />
      <section className="corner-panel" aria-labelledby="corner-verdict">
        <p id="corner-verdict" tabIndex={-1} className={`corner-verdict verdict-${verdict.status}`} role="status" data-testid="corner-verdict" data-every-detector-ran={everyDetectorRan(tracker)}>
          <span aria-hidden="true">{verdict.status === 'clear' ? '✓ ' : verdict.status === 'risks' ? '⚠ ' : '… '}</span>
          {verdict.message}
        </p>
        {verdict.status === 'clear' && (
          <p className="next-step">
            {inSession ? (
              <button type="button" className="primary" onClick={() => void recordNext()}>
                {t('corner.next.recordTake')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void save().then(() => go('home', 'start-platform'))}>
                {t('corner.next.startSession')}
              </button>
            )}
          </p>
        )}
        {inSession === false && (
          <p className="note" data-testid="no-session">
            {t('corner.noSession')}{' '}
            <button type="button" className="link" onClick={() => go('home', 'start-platform')}>
              {t('corner.noSession.start')}
            </button>
          </p>
        )}
        {stats.error && (
          <p className="corner-error" role="alert">
            {stats.error}
          </p>
        )}
        <ul className="risk-list" aria-label={t('corner.risks.label')}>
          {risks.map((risk, index) => {
            const blurred = blurredIds.has(risk.id);
            // Focus after a choice: this flag's other choice while it is open, else the next open flag's
            // (from the top again past the last), else the verdict.
            const nextOpen = [...risks.slice(index + 1), ...risks.slice(0, index)].find((other) => !other.accepted);
            const onwards = [...(nextOpen ? [`accept-${nextOpen.id}`] : []), 'corner-verdict'];
            const title = blurred ? 'corner.risk.titleBlurred' : ownFace === risk.id ? 'corner.risk.titleOwnFace' : risk.accepted ? 'corner.risk.titleAccepted' : 'corner.risk.title';
            return (
              <li key={risk.id} className={`risk-item ${CATEGORY_STYLE[risk.category]}${risk.accepted ? ' risk-accepted' : ''}`} data-category={risk.category}>
                <p className="risk-title">
                  {richMessage<ReactNode>(title, { label: risk.label, where: risk.where, b })}
                </p>
                {risk.text && <blockquote className="risk-quote">{t('corner.risk.quote', { text: risk.text })}</blockquote>}
                {/* Blurred, or the worker's own face: the advice (move it, or choose "It's me") is taken. */}
                {!blurred && ownFace !== risk.id && <p>{risk.guidance}</p>}
                <div className="risk-actions">
                  {!risk.accepted && (
                    <button
                      type="button"
                      id={`accept-${risk.id}`}
                      onClick={() => {
                        accept(risk.id);
                        focusWhenShown(...(blurred ? [] : [`blur-${risk.id}`]), ...onwards);
                      }}
                    >
                      {richMessage<ReactNode>('corner.risk.accept', { label: risk.label, where: risk.where, hidden })}
                    </button>
                  )}
                  {!risk.accepted && risk.kind === 'faceInView' && (
                    <button
                      type="button"
                      id={`own-${risk.id}`}
                      onClick={() => {
                        setOwnFace(risk.id);
                        accept(risk.id);
                        focusWhenShown(...onwards);
                      }}
                    >
                      {richMessage<ReactNode>('corner.risk.ownFace', { where: risk.where, hidden })}
                    </button>
                  )}
                  <button
                    type="button"
                    id={`blur-${risk.id}`}
                    onClick={() => {
                      // Blurred in the clean copy, the flag is dealt with: it stays in view, accepted.
                      markForBlur(risk);
                      if (!risk.accepted) accept(risk.id);
                      focusWhenShown(...onwards);
                    }}
                    disabled={blurred}
                  >
                    {richMessage<ReactNode>(blurred ? 'corner.risk.willBlur' : 'corner.risk.blurLater', { label: risk.label, where: risk.where, hidden })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <div className="corner-footer">
          <button type="button" onClick={() => void save()}>
            {t('corner.save')}
          </button>
          {saved && <span role="status">{saved}</span>}
          <p className="corner-stats">{t('corner.onDevice')}</p>
        </div>
      </section>
    </div>
  );
}
