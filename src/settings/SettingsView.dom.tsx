/**
 * Settings: where clean copies go, the look and the language (both applied at once), the minimum rate, breaks,
 * the first-run guide again, and Diagnostics (versions, folders, detector figures).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language, formatNumber } from '../../core/i18n/i18n.std';
import type { AppInfo, ToolStatus } from '../../core/ipc/contract.std';
import { api, call } from '../app/api.dom';
import { speak, useT } from '../app/language.dom';
import { useNavigation } from '../app/navigation.dom';
import { useDetectorStats } from '../corner/detectorStats.dom';
import { MinimumRateForm } from '../sessions/SessionSettings.dom';
import type { Minimum } from '../sessions/sessionActions.dom';
import { type ThemeChoice, chooseTheme } from '../app/theme.dom';
import { RadioGroup } from '../shared/RadioGroup.dom';
import './settings.css';

export function SettingsView() {
  const t = useT();
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
      setMessage(t('settings.folder.saved', { folder: saved.outputDir ?? folder }));
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
        <h3>{t('settings.folder.heading')}</h3>
        <label htmlFor={id}>{t('settings.folder.label')}</label>
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
          {t('settings.folder.choose')}
        </button>
        <button type="submit">{t('settings.folder.save')}</button>
        {message && <p role="status">{message}</p>}
        {error && <p role="alert">{error}</p>}
      </form>
      <Appearance onError={setError} />
      <LanguageChoice onError={setError} />
      <MinimumRate onError={setError} />
      <Breaks onError={setError} />
      <h3>{t('settings.guide.heading')}</h3>
      <p>
        <button
          type="button"
          onClick={() => void call(api['settings:update']({ guideSeen: false })).then(() => go('home', 'guide-heading'), (e: Error) => setError(e.message))}
        >
          {t('settings.guide.showAgain')}
        </button>
      </p>
      <Diagnostics />
    </div>
  );
}

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Light, dark, or as the system is: applied at once and kept. */
function Appearance({ onError }: { onError: (message: string) => void }) {
  const t = useT();
  const [theme, setTheme] = useState<ThemeChoice>('system');
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setTheme(settings.theme ?? 'system'), () => undefined);
  }, []);
  return (
    <RadioGroup
      legend={t('settings.appearance.legend')}
      name="theme"
      options={THEMES.map((option) => ({ value: option, label: t(`settings.appearance.${option}`) }))}
      value={theme}
      onChange={(option) => {
        setTheme(option);
        chooseTheme(option);
        void call(api['settings:update']({ theme: option })).catch((e: Error) => onError(e.message));
      }}
    />
  );
}

const LANGUAGE_CHOICES: ReadonlyArray<'system' | Language> = ['system', ...LANGUAGES];

/**
 * The system's language, or one SafeTake speaks: the whole window switches at once and the choice is kept.
 * Each language is named in itself, and marked with its lang so that a screen reader says it right.
 */
function LanguageChoice({ onError }: { onError: (message: string) => void }) {
  const t = useT();
  const [language, setLanguage] = useState<'system' | Language>('system');
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => setLanguage(settings.language ?? 'system'), () => undefined);
  }, []);
  return (
    <RadioGroup
      legend={t('settings.language.legend')}
      name="language"
      options={LANGUAGE_CHOICES.map((option) => (option === 'system' ? { value: option, label: t('settings.language.system') } : { value: option, label: LANGUAGE_NAMES[option], lang: option }))}
      value={language}
      onChange={(option) => {
        setLanguage(option);
        call(api['settings:update']({ language: option })).then(
          (saved) => {
            if (saved.languageInUse) speak(saved.languageInUse, saved.locale ?? saved.languageInUse);
          },
          (e: Error) => onError(e.message),
        );
      }}
    />
  );
}

/** The minimum hourly rate every rate after costs is compared with (Sessions and Platforms show it too). */
function MinimumRate({ onError }: { onError: (message: string) => void }) {
  const t = useT();
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
      <h3 id="minimum-heading">{t('settings.minimum.heading')}</h3>
      <p className="hint">{t('settings.minimum.hint')}</p>
      {read && <MinimumRateForm minimum={minimum} act={act} />}
    </section>
  );
}

/** How often SafeTake suggests a break, and whether breaks count as working time. */
function Breaks({ onError }: { onError: (message: string) => void }) {
  const t = useT();
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
      aria-label={t('settings.breaks.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        call(api['settings:update']({ breakEveryMinutes: minutes, breaksCountAsWork: counted })).then(
          () => setSaved(t('settings.breaks.saved', { minutes })),
          (e: Error) => onError(e.message),
        );
      }}
    >
      <h3>{t('settings.breaks.heading')}</h3>
      <div className="field">
        <label htmlFor={ids.every}>{t('settings.breaks.everyLabel')}</label>
        <input id={ids.every} inputMode="numeric" size={5} value={every} aria-describedby={ids.hint} onChange={(e) => setEvery(e.target.value)} />
        <span id={ids.hint} className="hint">
          {t('settings.breaks.hint')}
        </span>
      </div>
      <div className="field checkbox">
        <input id={ids.counted} type="checkbox" checked={counted} onChange={(e) => setCounted(e.target.checked)} />
        <label htmlFor={ids.counted}>{t('settings.breaks.countedLabel')}</label>
      </div>
      <button type="submit" disabled={!valid}>
        {t('settings.breaks.save')}
      </button>
      {saved && <span role="status"> {saved}</span>}
    </form>
  );
}

/** A detector's milliseconds, or a dash before it has run. */
const ms = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value));

/** Versions, folders and tools, for a bug report: none of it is needed to use SafeTake. */
function Diagnostics() {
  const t = useT();
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
      <h3 id="diagnostics-heading">{t('settings.diagnostics.heading')}</h3>
      <dl>
        {info && (
          <>
            <div>
              <dt>{t('settings.diagnostics.version')}</dt>
              <dd data-testid="app-version">
                {info.name} {info.version} ({info.platform})
              </dd>
            </div>
            <div>
              <dt>{t('settings.diagnostics.dataFolder')}</dt>
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
              {tool.ok ? t('settings.diagnostics.toolFound', { version: tool.version ?? '', detail: tool.detail }) : t('settings.diagnostics.toolMissing', { detail: tool.detail })}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('settings.diagnostics.detectors')}</dt>
          <dd data-testid="detector-stats">
            {stats
              ? t('settings.diagnostics.detectorStats', {
                  models: stats.backends.models ?? t('settings.diagnostics.starting'),
                  writing: stats.backends.writing ?? t('settings.diagnostics.starting'),
                  facesMs: ms(stats.lastMs.faces),
                  photosMs: ms(stats.lastMs.photos),
                  objectsMs: ms(stats.lastMs.objects),
                  writingMs: ms(stats.lastMs.writing),
                  glanceMs: ms(stats.glanceMs),
                  textMs: ms(stats.lastMs.text),
                })
              : t('settings.diagnostics.notRun')}
          </dd>
        </div>
      </dl>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
