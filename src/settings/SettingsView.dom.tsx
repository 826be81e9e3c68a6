/** Settings: where clean copies go, the first-run guide again, and Diagnostics (versions, folders, detector figures). */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppInfo, ToolStatus } from '../../core/ipc/contract.std';
import { api, call } from '../app/api.dom';
import { useNavigation } from '../app/navigation.dom';
import { useDetectorStats } from '../corner/detectorStats.dom';
import { MinimumRateForm } from '../sessions/SessionSettings.dom';
import type { Minimum } from '../sessions/sessionActions.dom';
import { type ThemeChoice, chooseTheme } from '../app/theme.dom';
import './settings.css';

export function SettingsView() {
  const { go } = useNavigation();
  const [outputDir, setOutputDir] = useState('');
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const id = useId();

  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setOutputDir(settings.outputDir ?? ''), (e: Error) => setError(e.message));
  }, []);

  async function saveFolder(folder: string) {
    setError(undefined);
    setMessage(undefined);
    try {
      const saved = await call(api['settings:update']({ outputDir: folder }));
      setOutputDir(saved.outputDir ?? folder);
      setMessage(`Clean copies will go to ${saved.outputDir}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="settings">
      <form
        className="settings-folder"
        onSubmit={(event) => {
          event.preventDefault();
          if (outputDir.trim()) void saveFolder(outputDir.trim());
        }}
      >
        <h3>Clean copies</h3>
        <label htmlFor={id}>Folder for clean copies</label>
        <input id={id} value={outputDir} onChange={(e) => setOutputDir(e.target.value)} spellCheck={false} />
        <button
          type="button"
          onClick={() =>
            void call(api['dialog:pickFolder']({})).then(
              (picked) => (picked.path ? saveFolder(picked.path) : undefined),
              (e: Error) => setError(e.message),
            )
          }
        >
          Choose…
        </button>
        <button type="submit">Save folder</button>
        {message && <p role="status">{message}</p>}
        {error && <p role="alert">{error}</p>}
      </form>
      <Appearance onError={setError} />
      <MinimumRate onError={setError} />
      <Breaks onError={setError} />
      <h3>The guide</h3>
      <p>
        <button
          type="button"
          onClick={() => void call(api['settings:update']({ guideSeen: false })).then(() => go('home', 'guide-heading'), (e: Error) => setError(e.message))}
        >
          Show the first-run guide again
        </button>
      </p>
      <Diagnostics />
    </div>
  );
}

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'As the system is' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or as the system is: applied at once and kept. */
function Appearance({ onError }: { onError: (message: string) => void }) {
  const [theme, setTheme] = useState<ThemeChoice>('system');
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setTheme(settings.theme ?? 'system'), () => undefined);
  }, []);
  return (
    <fieldset className="appearance">
      <legend>Appearance</legend>
      {THEMES.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="theme"
            value={option.value}
            checked={theme === option.value}
            onChange={() => {
              setTheme(option.value);
              chooseTheme(option.value);
              void call(api['settings:update']({ theme: option.value })).catch((e: Error) => onError(e.message));
            }}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The minimum hourly rate every rate after costs is compared with (Sessions and Platforms show it too). */
function MinimumRate({ onError }: { onError: (message: string) => void }) {
  const [minimum, setMinimum] = useState<Minimum>();
  const [read, setRead] = useState(false);
  const load = useCallback(
    () =>
      call(api['settings:get']({})).then(
        (settings) => {
          setMinimum(settings.minimumHourlyRate);
          setRead(true);
        },
        (e: Error) => onError(e.message),
      ),
    [onError],
  );
  useEffect(() => void load(), [load]);
  const act = async (change: () => Promise<unknown>) => {
    try {
      await change();
    } catch (e) {
      onError((e as Error).message);
    }
    await load();
  };
  return (
    <section aria-labelledby="minimum-heading">
      <h3 id="minimum-heading">Your minimum rate</h3>
      <p className="hint">What an hour of your work must pay after costs: the local minimum wage, or your own. Every rate is compared with it.</p>
      {read && <MinimumRateForm key={minimum ? `${minimum.amount} ${minimum.currency}` : 'none'} minimum={minimum} act={act} />}
    </section>
  );
}

/** How often SafeTake suggests a break, and whether breaks count as working time. */
function Breaks({ onError }: { onError: (message: string) => void }) {
  const [every, setEvery] = useState('');
  const [counted, setCounted] = useState(false);
  const [saved, setSaved] = useState<string>();
  const ids = { every: useId(), counted: useId(), hint: useId() };
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => {
      setEvery(String(settings.breakEveryMinutes ?? ''));
      setCounted(settings.breaksCountAsWork ?? false);
    }, () => undefined);
  }, []);
  const minutes = Number(every);
  const valid = every.trim() !== '' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 240;
  return (
    <form
      className="breaks"
      aria-label="Breaks"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        call(api['settings:update']({ breakEveryMinutes: minutes, breaksCountAsWork: counted })).then(
          () => setSaved(minutes === 0 ? 'Saved: no break reminders.' : `Saved: a reminder after ${minutes} minutes of work.`),
          (e: Error) => onError(e.message),
        );
      }}
    >
      <h3>Breaks</h3>
      <div className="field">
        <label htmlFor={ids.every}>Suggest a break after (minutes of work)</label>
        <input id={ids.every} inputMode="numeric" size={5} value={every} aria-describedby={ids.hint} onChange={(e) => setEvery(e.target.value)} />
        <span id={ids.hint} className="hint">
          Repetitive movement strains wrists, back and neck. 0 turns the reminder off.
        </span>
      </div>
      <div className="field checkbox">
        <input id={ids.counted} type="checkbox" checked={counted} onChange={(e) => setCounted(e.target.checked)} />
        <label htmlFor={ids.counted}>Count breaks as working time (only if the platform pays for them)</label>
      </div>
      <button type="submit" disabled={!valid}>
        Save break settings
      </button>
      {saved && <span role="status"> {saved}</span>}
    </form>
  );
}

/** Versions, folders and tools, for a bug report: none of it is needed to use SafeTake. */
function Diagnostics() {
  const [info, setInfo] = useState<AppInfo>();
  const [tools, setTools] = useState<ToolStatus[]>();
  const [error, setError] = useState<string>();
  const stats = useDetectorStats();

  useEffect(() => {
    call(api['app:getInfo']({})).then(setInfo, (e: Error) => setError(e.message));
    call(api['app:checkTools']({})).then(setTools, (e: Error) => setError(e.message));
  }, []);

  return (
    <section className="diagnostics" aria-labelledby="diagnostics-heading">
      <h3 id="diagnostics-heading">Diagnostics</h3>
      <dl>
        {info && (
          <>
            <div>
              <dt>Version</dt>
              <dd data-testid="app-version">
                {info.name} {info.version} ({info.platform})
              </dd>
            </div>
            <div>
              <dt>Data folder (session log, takes, settings)</dt>
              <dd>
                <code>{info.dataDir}</code>
              </dd>
            </div>
          </>
        )}
        {tools?.map((tool) => (
          <div key={tool.name}>
            <dt>{tool.name}</dt>
            <dd className={tool.ok ? 'tool-ok' : 'tool-missing'}>
              {tool.ok ? `✓ found: ${tool.version ?? ''} (${tool.detail})` : `✗ missing: ${tool.detail}`}
            </dd>
          </div>
        ))}
        <div>
        <dt>Corner check detectors</dt>
        <dd data-testid="detector-stats">
          {stats
            ? `Detector: ${stats.backends.models ?? 'starting'}, text detector: ${stats.backends.writing ?? 'starting'} · faces ${stats.lastMs.faces ?? '–'} ms · photos ${stats.lastMs.photos ?? '–'} ms · objects ${stats.lastMs.objects ?? '–'} ms · writing ${stats.lastMs.writing ?? '–'} ms (glance ${stats.glanceMs ?? '–'} ms) · reading ${stats.lastMs.text ?? '–'} ms`
            : 'Not run yet: open Check corner.'}
        </dd>
        </div>
      </dl>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
