import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { keepsOwnFace } from '../../core/sessions/workflow.std';
import { CornerCheck } from '../corner/CornerCheck.dom';
import { DealView } from '../deal/DealView.dom';
import { Home } from '../home/Home.dom';
import { SanitizeView } from '../sanitize/SanitizeView.dom';
import { SessionsView } from '../sessions/SessionsView.dom';
import { SettingsView } from '../settings/SettingsView.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { useT } from './language.dom';
import { type AreaId, type CleanRequest, type Navigation, NavigationContext } from './navigation.dom';

const AREAS: readonly AreaId[] = ['home', 'corner', 'sanitize', 'sessions', 'deal', 'settings'];

export function App() {
  const t = useT();
  const [active, setActive] = useState<AreaId>('home');
  const [cleanRequest, setCleanRequest] = useState<CleanRequest>();
  const tabRefs = useRef<Partial<Record<AreaId, HTMLButtonElement | null>>>({});
  const pendingFocus = useRef<{ id?: string } | undefined>(undefined);

  const navigation = useMemo<Navigation>(
    () => ({
      go: (area, focus) => {
        pendingFocus.current = { id: focus };
        setActive(area);
      },
      clean: (paths, session) => {
        pendingFocus.current = { id: 'sanitize-status' };
        setCleanRequest((previous) => ({ id: (previous?.id ?? 0) + 1, paths, keepOwnFace: keepsOwnFace(session) }));
        setActive('sanitize');
      },
    }),
    [],
  );
  useEffect(() => {
    if (!pendingFocus.current) return;
    const heading = `heading-${active}`;
    if (pendingFocus.current.id) focusWhenShown(pendingFocus.current.id, heading);
    else focusWhenShown(heading);
    pendingFocus.current = undefined;
  }, [active, cleanRequest]);

  // WAI-ARIA tabs: arrow keys move between tabs, Home/End jump to the ends.
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: AREAS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const area = AREAS[(target + AREAS.length) % AREAS.length]!;
    setActive(area);
    tabRefs.current[area]?.focus();
  }

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <header className="app-header">
          <h1>SafeTake</h1>
          <nav role="tablist" aria-label={t('app.areas')}>
            {AREAS.map((area, index) => (
              <button
                key={area}
                ref={(element) => {
                  tabRefs.current[area] = element;
                }}
                id={`tab-${area}`}
                role="tab"
                type="button"
                aria-selected={active === area}
                aria-controls={`panel-${area}`}
                tabIndex={active === area ? 0 : -1}
                onClick={() => setActive(area)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                {t(`app.area.${area}`)}
              </button>
            ))}
          </nav>
        </header>
        <main className="app-main">
          {AREAS.map((area) => (
            <section key={area} id={`panel-${area}`} role="tabpanel" aria-labelledby={`tab-${area}`} hidden={active !== area} className={`panel panel-${area}`}>
              <h2 id={`heading-${area}`} tabIndex={-1}>
                {t(`app.area.${area}`)}
              </h2>
              <p className="panel-summary">{t(`app.area.${area}.summary`)}</p>
              {area === 'home' && active === 'home' && <Home />}
              {area === 'corner' && active === 'corner' && <CornerCheck />}
              {area === 'sanitize' && <SanitizeView shown={active === 'sanitize'} request={cleanRequest} />}
              {area === 'sessions' && active === 'sessions' && <SessionsView />}
              {area === 'deal' && active === 'deal' && <DealView />}
              {area === 'settings' && active === 'settings' && <SettingsView />}
            </section>
          ))}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
