/**
 * Know the deal: a platform's terms read for red flags, the consent questions with the worker's answers and one
 * message asking the open ones, the report card from their own log, the costs of the work, and an offer priced
 * before it is accepted. Everything is read back from the log after each change.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { DealView as Deal } from '../../core/ipc/contract.std';
import { fileName } from '../../core/shared/fileName.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { CostsForm } from './CostsForm.dom';
import { ConsentChecklist } from './ConsentChecklist.dom';
import { OfferForm } from './OfferForm.dom';
import { RedFlags } from './RedFlags.dom';
import { ReportCardView } from './ReportCardView.dom';
import './deal.css';

export function DealView() {
  const t = useT();
  const [platforms, setPlatforms] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [platform, setPlatform] = useState<string>();
  const [deal, setDeal] = useState<Deal>();
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Array<{ path: string; reason: string }>>([]);
  const ids = { platform: 'deal-platform', list: useId() };
  const notReadId = useId();

  const reload = useCallback(
    (name: string | undefined) =>
      call(api['deal:platforms']({}))
        .then(async ({ platforms: known }) => {
          const chosen = name ?? known[0];
          const view = chosen ? await call(api['deal:view']({ platform: chosen })) : undefined;
          setPlatforms(known);
          setPlatform(chosen);
          setTyped(chosen ?? '');
          setDeal(view);
        })
        .catch((e: Error) => setError(e.message)),
    [],
  );
  useEffect(() => void reload(undefined), [reload]);

  /** Runs a change, then reads the deal back from the log; true when the change was made. */
  const act = async (change: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    let made = false;
    try {
      await change();
      made = true;
    } catch (e) {
      setError((e as Error).message);
    }
    await reload(platform);
    return made;
  };

  const [reading, setReading] = useState(false);
  const attach = () =>
    act(async () => {
      setRefused([]);
      if (!platform) return;
      setReading(true);
      // While it reads, the attach button waits disabled and the focus waits on Cancel; then it comes back.
      focusWhenShown('cancel-attach');
      try {
        setRefused((await call(api['deal:attachTerms']({ platform }))).refused);
      } finally {
        setReading(false);
        focusWhenShown('attach-terms');
      }
    });

  return (
    <div className="deal">
      <form
        className="deal-platform"
        aria-label={t('deal.platform.choose')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!typed.trim()) return;
          setError(undefined);
          void reload(typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor={ids.platform}>{t('deal.platform.label')}</label>
          <input id={ids.platform} list={ids.list} value={typed} onChange={(e) => setTyped(e.target.value)} />
          <datalist id={ids.list}>
            {platforms.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <button type="submit" disabled={!typed.trim() || typed.trim() === platform}>
          {t('deal.platform.show')}
        </button>
        {platforms.length > 1 && (
          <p className="hint">
            {t('deal.platform.alsoRecorded')}{' '}
            {platforms
              .filter((name) => name !== platform)
              .map((name, index) => (
                <span key={name}>
                  {index > 0 && ', '}
                  <button type="button" className="link" onClick={() => void reload(name)}>
                    {name}
                  </button>
                </span>
              ))}
          </p>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {!platform && <p className="note">{t('deal.platform.none')}</p>}
      {platform && deal && (
        <>
          <h3 id="deal-heading">{platform}</h3>
          <ReportCardView card={deal.card} />
          <section aria-labelledby="terms-heading" className="card">
            <h4 id="terms-heading">{t('deal.terms.heading')}</h4>
            <p className="hint">{t('deal.terms.hint')}</p>
            <button type="button" id="attach-terms" disabled={reading} onClick={() => void attach()}>
              {t('deal.terms.attach')}
            </button>
            {reading && (
              <p role="status">
                {t('deal.terms.reading')}{' '}
                <button type="button" id="cancel-attach" onClick={() => void call(api['deal:cancelAttach']({}))}>
                  {t('deal.terms.cancel')}
                </button>
              </p>
            )}
            {refused.length > 0 && (
              <div role="alert">
                <p id={notReadId}>{t('deal.terms.notRead')}</p>
                <ul aria-labelledby={notReadId}>
                  {refused.map((item) => (
                    // Each says which file it is about: a refusal about the folder names none.
                    <li key={item.path}>{item.reason.includes(fileName(item.path)) ? item.reason : `${fileName(item.path)}: ${item.reason}`}</li>
                  ))}
                </ul>
              </div>
            )}
            <PastedTerms key={`paste-${platform}`} platform={platform} act={act} />
            <RedFlags
              documents={deal.documents}
              // The document's row goes, and its button with it: the focus goes to the button that attaches terms.
              onSetAside={(documentId) => void act(() => call(api['deal:removeTerms']({ platform, documentId }))).then(() => focusWhenShown('attach-terms'))}
            />
          </section>
          <ConsentChecklist platform={platform} questions={deal.questions} message={deal.message} act={act} />
          {/* An offer from a platform, or a cost of its work, is most likely in the currency it pays in. */}
          <OfferForm key={`offer-${platform}`} platform={platform} currency={payCurrency(deal.card)} />
          <CostsForm key={`costs-${platform}`} platform={platform} costs={deal.costs} act={act} currency={payCurrency(deal.card)} />
        </>
      )}
    </div>
  );
}

/** Terms copied from the platform's page, pasted and read as a text document (kept as one, as evidence). */
function PastedTerms({ platform, act }: { platform: string; act: (change: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  const [text, setText] = useState('');
  const id = useId();
  return (
    <details className="pasted-terms">
      <summary>{t('deal.terms.pasteSummary')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // Read, the box empties and the button with it: the focus goes back to the box, not to the page.
          void act(() => call(api['deal:attachText']({ platform, text }))).then((made) => {
            if (!made) return;
            setText('');
            focusWhenShown(id);
          });
        }}
      >
        <div className="field field-wide">
          <label htmlFor={id}>{t('deal.terms.pasteLabel')}</label>
          <textarea id={id} rows={6} maxLength={2_000_000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" disabled={text.trim() === ''}>
          {t('deal.terms.pasteRead')}
        </button>
      </form>
    </details>
  );
}

/** The currency a platform pays in: what it has paid, else its latest terms; undefined before any session. */
function payCurrency(card: Deal['card']): string | undefined {
  return [...card.received, ...card.ratesBeforeCosts][0]?.currency ?? card.rateHistory.at(-1)?.terms.currency;
}
