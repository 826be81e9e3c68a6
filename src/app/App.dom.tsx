import { type KeyboardEvent, useRef, useState } from 'react';
import { CornerCheck } from '../corner/CornerCheck.dom';
import { ToolStatusBar } from './ToolStatusBar.dom';
import { SanitizeView } from '../sanitize/SanitizeView.dom';
import { SessionsView } from '../sessions/SessionsView.dom';

type AreaId = 'corner' | 'sanitize' | 'sessions';

const AREAS: ReadonlyArray<{ id: AreaId; label: string; summary: string }> = [
  { id: 'corner', label: 'Check corner', summary: 'See what your camera sees before you record, and what to move out of frame.' },
  { id: 'sanitize', label: 'Sanitize', summary: 'Make clean copies of your clips and photos: no location, device or names inside.' },
  { id: 'sessions', label: 'Sessions', summary: 'Log every minute of the work and see what it really pays per hour.' },
];

export function App() {
  const [active, setActive] = useState<AreaId>('corner');
  const tabRefs = useRef<Record<AreaId, HTMLButtonElement | null>>({ corner: null, sanitize: null, sessions: null });

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
      {AREAS.map((area) => (
        <main
          key={area.id}
          id={`panel-${area.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${area.id}`}
          hidden={active !== area.id}
          className="panel"
        >
          <h2>{area.label}</h2>
          <p className="panel-summary">{area.summary}</p>
          {area.id === 'corner' && active === 'corner' && <CornerCheck />}
          {area.id === 'sanitize' && <SanitizeView shown={active === 'sanitize'} />}
          {area.id === 'sessions' && active === 'sessions' && <SessionsView />}
        </main>
      ))}
      <ToolStatusBar />
    </div>
  );
}
