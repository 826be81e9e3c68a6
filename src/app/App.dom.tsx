import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { CornerCheck } from '../corner/CornerCheck.dom';
import { DealView } from '../deal/DealView.dom';
import { Home } from '../home/Home.dom';
import { SanitizeView } from '../sanitize/SanitizeView.dom';
import { SessionsView } from '../sessions/SessionsView.dom';
import { SettingsView } from '../settings/SettingsView.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { api, call } from './api.dom';
import { chooseTheme } from './theme.dom';
import { type AreaId, type CleanRequest, type Navigation, NavigationContext } from './navigation.dom';

const AREAS: ReadonlyArray<{ id: AreaId; label: string; summary: string }> = [
  { id: 'home', label: 'Home', summary: 'Your session, step by step: what is done, and what comes next.' },
  { id: 'corner', label: 'Check corner', summary: 'See what your camera sees before you record, and what to move out of frame.' },
  { id: 'sanitize', label: 'Sanitize', summary: 'Make clean copies of your clips and photos: no location, device or names inside.' },
  { id: 'sessions', label: 'Sessions', summary: 'Log every minute of the work and see what it really pays per hour.' },
  { id: 'deal', label: 'Platforms', summary: 'Know the deal: red flags in the terms, the questions to ask, and what each platform really pays.' },
  { id: 'settings', label: 'Settings', summary: 'Where clean copies go, your minimum rate, breaks, the look, the guide, and details for troubleshooting.' },
];

export function App() {
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
      clean: (paths) => {
        pendingFocus.current = { id: 'sanitize-status' };
        setCleanRequest((previous) => ({ id: (previous?.id ?? 0) + 1, paths }));
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

  // The theme chosen in Settings, if any (the system's until then).
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => chooseTheme(settings.theme ?? 'system'), () => undefined);
  }, []);

  // WAI-ARIA tabs: arrow keys move between tabs, Home/End jump to the ends.
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: AREAS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const area = AREAS[(target + AREAS.length) % AREAS.length]!;
    setActive(area.id);
    tabRefs.current[area.id]?.focus();
  }

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <header className="app-header">
          <h1>SafeTake</h1>
          <nav role="tablist" aria-label="SafeTake areas">
            {AREAS.map((area, index) => (
              <button
                key={area.id}
                ref={(element) => {
                  tabRefs.current[area.id] = element;
                }}
                id={`tab-${area.id}`}
                role="tab"
                type="button"
                aria-selected={active === area.id}
                aria-controls={`panel-${area.id}`}
                tabIndex={active === area.id ? 0 : -1}
                onClick={() => setActive(area.id)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                {area.label}
              </button>
            ))}
          </nav>
        </header>
        <main className="app-main">
          {AREAS.map((area) => (
            <section key={area.id} id={`panel-${area.id}`} role="tabpanel" aria-labelledby={`tab-${area.id}`} hidden={active !== area.id} className={`panel panel-${area.id}`}>
              <h2 id={`heading-${area.id}`} tabIndex={-1}>
                {area.label}
              </h2>
              <p className="panel-summary">{area.summary}</p>
              {area.id === 'home' && active === 'home' && <Home />}
              {area.id === 'corner' && active === 'corner' && <CornerCheck />}
              {area.id === 'sanitize' && <SanitizeView shown={active === 'sanitize'} request={cleanRequest} />}
              {area.id === 'sessions' && active === 'sessions' && <SessionsView />}
              {area.id === 'deal' && active === 'deal' && <DealView />}
              {area.id === 'settings' && active === 'settings' && <SettingsView />}
            </section>
          ))}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
