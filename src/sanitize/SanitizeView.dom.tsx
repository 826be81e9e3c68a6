import './sanitize.css';
import { type DragEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { formatList, formatNumber, type MessageId, richMessage } from '../../core/i18n/i18n.std';
import type { BatchItemState } from '../../core/ipc/contract.std';
import type { AuditReport } from '../../core/media/audit.std';
import { DEFAULT_NAME_TEMPLATE } from '../../core/sanitize/outputName.std';
import { batchFraction, describeTimeLeft, identifyingKinds } from '../../core/sanitize/progress.std';
import type { Region, SanitizeOptions } from '../../core/sanitize/plan.std';
import type { FoundTracksData, RedactOptions } from '../../core/sanitize/options.std';
import { REDACT_GROUPS, ownFaceTracks } from '../../core/sanitize/redactTracks.std';
import type { RedactionReport } from '../../core/sanitize/selfCheck.std';
import { formatClock, formatClockSpan } from '../../core/shared/clock.std';
import { fileName } from '../../core/shared/fileName.std';
import { TrackReview } from './TrackReview.dom';
import { keepsOwnFace } from '../../core/sessions/workflow.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import type { CleanRequest } from '../app/navigation.dom';
import { FileActions } from '../shared/FileActions.dom';
import { focusWhenShown } from '../shared/focus.dom';
import { code, hidden } from '../shared/messageTags.dom';
import { AuditTable } from './AuditTable.dom';
import { BlurEditor } from './BlurEditor.dom';
import { useSanitizeBatch } from './useSanitizeBatch.dom';

type QueuedFile = {
  path: string;
  before?: AuditReport;
  error?: string;
  blur: Region[];
  editingBlur?: boolean;
  /** How many of `blur` are the areas marked in Check corner for this session's takes and clips. */
  marked?: number;
  /** What a review found in it, as the user left it (hidden or kept). */
  found?: FoundTracksData;
};

/** Everything the detectors can find, hidden unless the user keeps their own face. */
const DEFAULT_REDACT: RedactOptions = { groups: [...REDACT_GROUPS], keepFace: 'none', style: 'blur' };

/** Names for clean copies, in words: numbered (the default: original names carry dates and places), or the original's. */
const NAME_CHOICES = [
  { template: DEFAULT_NAME_TEMPLATE, label: 'sanitize.names.numbered' },
  { template: '{name}-clean-{n}', label: 'sanitize.names.original' },
] as const satisfies ReadonlyArray<{ template: string; label: MessageId }>;

/**
 * `shown`: the area is on screen (it stays mounted behind the other tabs, so that its queue and progress stay).
 * `request`: files handed over from a session, added and cleaned at once.
 */
export function SanitizeView({ shown, request }: { shown: boolean; request?: CleanRequest }) {
  const t = useT();
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [outputDir, setOutputDir] = useState('');
  const [nameTemplate, setNameTemplate] = useState(DEFAULT_NAME_TEMPLATE);
  const [options, setOptions] = useState<SanitizeOptions>({ format: 'mp4', audio: 'keep', blur: [], redact: DEFAULT_REDACT });
  // The running session's takes and clips, and whether its check said "It's me" of a face (keepsOwnFace).
  const [sessionTakes, setSessionTakes] = useState<{ paths: string[]; keepOwnFace: boolean }>({ paths: [], keepOwnFace: false });
  const [message, setMessage] = useState<string>();
  const [refused, setRefused] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  /** Input -> its clean copy, from every batch this list ran. */
  const [outputs, setOutputs] = useState<Array<[string, string]>>([]);
  const { batch, starting, timeLeft, error, start, cancel, clear } = useSanitizeBatch((update) => {
    const made = update.items.flatMap((item) => (item.outcome ? [[item.input, item.outcome.output] as [string, string]] : []));
    if (made.length > 0) setOutputs((current) => [...current.filter(([input]) => !made.some(([known]) => known === input)), ...made]);
    // A finished review hands each file what it found, to choose from.
    const found = new Map(update.items.flatMap((item) => (item.found ? [[item.input, item.found] as const] : [])));
    if (found.size > 0) setFiles((current) => current.map((file) => (found.has(file.path) ? { ...file, found: found.get(file.path) } : file)));
  });
  const ids = { output: useId(), format: useId(), size: useId(), name: useId(), style: useId(), reason: useId(), lookAgain: useId() };
  const running = starting || (batch !== undefined && !batch.finished);
  // The Cancel pressed goes away with the work it stops: focus goes to the batch's progress, which says how it ended.
  const cancelAndFocus = (index?: number) => {
    focusWhenShown('sanitize-status');
    cancel(index);
  };
  // Whether the batch running only looks through the files (a review) or makes their clean copies.
  const [lookingThrough, setLookingThrough] = useState(false);
  const run = (request: Parameters<typeof start>[0]) => {
    setLookingThrough(request.review === true);
    return start(request);
  };
  const redact = options.redact;

  // The folder clean copies go to: the worker's choice in Settings, or ~/Videos/SafeTake (made on first use),
  // read at once and again each time the area is shown; a folder typed here and not saved stays until then.
  const savedFolder = useRef('');
  const folder = useRef(outputDir);
  useEffect(() => {
    folder.current = outputDir;
  });
  useEffect(() => {
    call(api['settings:get']({})).then((settings) => {
      const saved = settings.outputDir ?? '';
      setOutputDir((current) => (current === '' || current === savedFolder.current ? saved : current));
      savedFolder.current = saved;
    }, () => undefined);
  }, [shown]);

  useEffect(() => {
    // A running session's takes and clips, to add in one go: as they are each time the area is shown.
    if (shown) {
      call(api['sessions:overview']({})).then(
        // A take still being recorded is not offered yet: its file is not whole.
        (overview) => setSessionTakes({ paths: overview.active?.clips.filter((clip) => clip.origin === 'added' || clip.durationSeconds !== undefined).map((clip) => clip.file) ?? [], keepOwnFace: keepsOwnFace(overview.active) }),
        () => undefined,
      );
    }
  }, [shown]);


  /**
   * A new choice of what to hide needs a new look; the way regions are hidden needs none, and keeping one's own
   * face is applied to each review as the user left it: the largest face kept visible, or hidden again. Finding
   * turned off keeps the reviews aside, unused, with the user's changes: turned on again for the same things,
   * they stand as they were left.
   */
  const lastRedact = useRef(options.redact);
  function setRedact(redact: RedactOptions | undefined) {
    const previous = options.redact ?? lastRedact.current;
    setOptions({ ...options, redact });
    if (redact === undefined) {
      // A review's "look below" would point at reviews not shown.
      if (lookingThrough && !running) clear();
      return;
    }
    lastRedact.current = redact;
    const sameGroups = previous !== undefined && redact.groups.join() === previous.groups.join();
    if (sameGroups) {
      if (redact.keepFace !== previous.keepFace) setFiles((current) => current.map((file) => (file.found ? { ...file, found: withOwnFace(file.found, redact.keepFace === 'largest' || !redact.groups.includes('faces')) } : file)));
      return;
    }
    setFiles((current) => current.map(({ found: _found, ...file }) => file));
    // A review's "look below" would point at reviews no longer there.
    if (lookingThrough && !running) clear();
  }

  function update(index: number, change: Partial<QueuedFile>) {
    setFiles((current) => current.map((file, i) => (i === index ? { ...file, ...change } : file)));
  }

  /** The areas to blur changed: a review made before no longer lists what the copy hides. */
  function changeBlur(index: number, blur: QueuedFile['blur']) {
    setFiles((current) => current.map(({ found: _found, ...file }, i) => (i === index ? { ...file, blur } : current[i]!)));
  }

  /** Adds what was dropped or chosen; resolves with the files now queued from it, each with its marked areas. */
  async function addPaths(paths: string[]): Promise<QueuedFile[]> {
    setMessage(undefined);
    setRefused([]);
    if (paths.length === 0) return [];
    try {
      const expanded = await call(api['files:expand']({ paths }));
      setRefused(expanded.refused.map((item) => item.reason));
      if (expanded.files.length === 0 && expanded.refused.length === 0) setMessage(t('sanitize.add.nothingFound'));
      const known = new Set(files.map((queued) => queued.path));
      const fresh = expanded.files.filter((file) => !known.has(file));
      // A take or clip of the session a corner check marked areas in gets those areas, already chosen.
      const added = await Promise.all(
        fresh.map(async (path): Promise<QueuedFile> => {
          const marked = await api['sanitize:markedAreas']({ path });
          const regions = marked.ok ? marked.value.regions : [];
          return regions.length > 0 ? { path, blur: regions, marked: regions.length } : { path, blur: [] };
        }),
      );
      setFiles((current) => [...current, ...added.filter((file) => !current.some((queued) => queued.path === file.path))]);
      for (const path of fresh) {
        // A take or clip whose clean copy the log already has is not made again unless the worker asks.
        api['sanitize:existingCopy']({ path }).then((result) => {
          const output = result.ok ? result.value.output : undefined;
          if (output) setOutputs((current) => (current.some(([input]) => input === path) ? current : [...current, [path, output]]));
        });
        // The "before" audit: what each file gives away today.
        api['sanitize:audit']({ path }).then((result) =>
          setFiles((current) =>
            current.map((queued) => (queued.path === path ? { ...queued, ...(result.ok ? { before: result.value } : { error: result.error.message }) } : queued)),
          ),
        );
      }
      return [...files.filter((file) => expanded.files.includes(file.path)), ...added];
    } catch (e) {
      setMessage((e as Error).message);
      return [];
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void addPaths([...event.dataTransfer.files].map((file) => api.pathForFile(file)).filter(Boolean));
  }

  async function chooseFiles() {
    const picked = await call(api['dialog:pickMedia']({})).catch((e: Error) => (setMessage(e.message), { paths: [] }));
    await addPaths(picked.paths);
  }

  async function chooseFolder() {
    const picked = await call(api['dialog:pickFolder']({})).catch((e: Error) => (setMessage(e.message), { path: undefined }));
    if (!picked.path) return;
    setOutputDir(picked.path);
    savedFolder.current = picked.path;
    // The choice is kept for next time.
    await call(api['settings:update']({ outputDir: picked.path })).catch((e: Error) => setMessage(e.message));
  }

  // A file whose clean copy this list already made is not made again: the list says where it is.
  const madeFor = new Map<string, string>(outputs);
  const toClean = files.filter((file) => !madeFor.has(file.path));
  const fraction = batch ? batchFraction(batch.items) : 0;
  const startReason = running
    ? t(lookingThrough ? 'sanitize.start.lookingThrough' : 'sanitize.start.running')
    : files.length === 0
      ? t('sanitize.start.noFiles')
      : toClean.length === 0
        ? t('sanitize.start.allMade')
        : outputDir.trim() === ''
          ? t('sanitize.start.noFolder')
          : undefined;
  const canReview = toClean.length > 0 && redact !== undefined && !running;
  /** A file's review is shown (and used) while finding is on. */
  const reviewShown = (file: QueuedFile): file is QueuedFile & { found: FoundTracksData } => file.found !== undefined && redact !== undefined;
  const takesToAdd = sessionTakes.paths.filter((take) => !files.some((file) => file.path === take));
  // Reviews set aside while finding is off do not go with the files.
  const inputsOf = (list: QueuedFile[]) => list.map((file) => ({ path: file.path, blur: file.blur, ...(file.found && redact ? { found: file.found } : {}) }));
  const inputs = () => inputsOf(toClean);

  // Files handed over from a session are added and cleaned at once, each request once.
  const handled = useRef(0);
  useEffect(() => {
    // A request that arrives while a batch runs waits for it: two batches at once would lose the first.
    if (!request || request.id === handled.current || running) return;
    handled.current = request.id;
    // A session's files keep the worker's face as they said in its check ("It's me"), and only then: each
    // hand-over sets the option, which shows it, whatever an earlier one set.
    const keepFace: RedactOptions['keepFace'] = request.keepOwnFace ? 'largest' : 'none';
    const runOptions = options.redact ? { ...options, redact: { ...options.redact, keepFace } } : options;
    void addPaths(request.paths).then((added) => {
      setOptions((current) => (current.redact ? { ...current, redact: { ...current.redact, keepFace } } : current));
      const pending = added.filter((file) => !madeFor.has(file.path));
      // The folder as it is now: the settings may have been read while the files were being added.
      const into = folder.current.trim();
      if (pending.length === 0 || !into) return;
      // Focus follows the work: to the batch's progress.
      focusWhenShown('sanitize-status');
      void run({ inputs: inputsOf(pending), outputDir: into, options: runOptions, nameTemplate });
    });
  });

  return (
    <section className="sanitize" aria-label={t('sanitize.view.label')}>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('sanitize.drop.prompt')}</p>
        <button type="button" id="sanitize-choose" onClick={() => void chooseFiles()}>
          {t('sanitize.drop.chooseFiles')}
        </button>
        {takesToAdd.length > 0 && (
          <button
            type="button"
            onClick={() => {
              // The session's takes keep the worker's face as its check said ("It's me"), as the hand-over from
              // Sessions does: the option shows it, and the review applies it.
              if (sessionTakes.keepOwnFace && redact) setRedact({ ...redact, keepFace: 'largest' });
              void addPaths(takesToAdd);
            }}
          >
            {t('sanitize.drop.addSessionTakes', { count: takesToAdd.length })}
          </button>
        )}
      </div>
      {message && <p role="alert">{message}</p>}
      {refused.length > 0 && (
        <div role="alert">
          <ul aria-label={t('sanitize.refused.label')} className="refused">
            {refused.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}

      {files.length > 0 && (
        <ul className="file-list" aria-label={t('sanitize.files.label')}>
          {files.map((file, index) => {
            const made = madeFor.get(file.path);
            // A copy the worker asked to make again is no longer shown as the file's result.
            const lastRun = batch?.items.find((candidate) => candidate.input === file.path);
            const item = lastRun?.outcome && !made ? undefined : lastRun;
            return (
              <li key={file.path} className="file-row">
                <div className="file-head">
                  <strong>{fileName(file.path)}</strong>
                  {/* The original's tags are no news beside a clean copy made in an earlier batch. */}
                  {item?.outcome ? (
                    <RemovedBadge before={item.outcome.before.identifyingCount} left={item.outcome.after.identifyingCount} />
                  ) : !made && file.before && (
                    // A file ExifTool could not read to its end is not said to be clear of tags.
                    <span className={file.before.identifyingCount || file.before.exiftoolWarning ? 'badge badge-warn' : 'badge badge-ok'}>
                      {file.before.identifyingCount
                        ? t('sanitize.file.identifyingTags', { count: file.before.identifyingCount, kinds: formatList(identifyingKinds(file.before)) })
                        : file.before.exiftoolWarning
                          ? t('sanitize.file.noTagsReadPartly', { warning: file.before.exiftoolWarning })
                          : t('sanitize.file.noIdentifyingTags')}
                    </span>
                  )}
                  {file.error && <span className="badge badge-bad">{file.error}</span>}
                  {/* Once reviewed, the review lists the marked areas (each may be kept visible); once made, the result. */}
                  {file.marked !== undefined && !reviewShown(file) && !made && (
                    <span className="badge badge-ok">{t('sanitize.file.markedAreas', { count: file.marked })}</span>
                  )}
                  {/* A file that failed or was reviewed can still be taken off the list; a review draws its own areas. */}
                  {!running && !made && (
                    <>
                      {!reviewShown(file) && (
                        <button type="button" className="link" aria-expanded={Boolean(file.editingBlur)} onClick={() => update(index, { editingBlur: !file.editingBlur })}>
                          {file.blur.length ? t('sanitize.file.blurRegionsCount', { count: file.blur.length }) : t('sanitize.file.blurRegions')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="link"
                        onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                        aria-label={t('sanitize.file.removeLabel', { name: fileName(file.path) })}
                      >
                        {t('sanitize.file.remove')}
                      </button>
                    </>
                  )}
                </div>
                {file.editingBlur && !running && !made && !reviewShown(file) && <BlurEditor path={file.path} regions={file.blur} onChange={(blur) => changeBlur(index, blur)} />}
                {item && <FileProgress item={item} onCancel={() => cancelAndFocus(item.index)} />}
                {made && (
                  <p className="made">
                    {!item?.outcome && (
                      <span>
                        {richMessage<ReactNode>('sanitize.file.cleanCopyIs', { name: fileName(made), code })}{' '}
                      </span>
                    )}
                    <FileActions file={made} name={fileName(made)} onError={setMessage} />
                    {!running && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setOutputs((current) => current.filter(([input]) => input !== file.path));
                          focusWhenShown('sanitize-make', 'sanitize-status');
                        }}
                      >
                        {richMessage<ReactNode>('sanitize.file.makeNewCopy', { name: fileName(file.path), hidden })}
                      </button>
                    )}
                  </p>
                )}
                {reviewShown(file) && !running && !made && (
                  <details open>
                    <summary>{t('sanitize.file.reviewSummary', { name: fileName(file.path) })}</summary>
                    <TrackReview path={file.path} found={file.found} chosen={redact ?? DEFAULT_REDACT} onChange={(found) => update(index, { found })} />
                  </details>
                )}
                {item?.outcome ? (
                  <details key="after">
                    <summary>{t('sanitize.file.beforeAndAfter')}</summary>
                    <AuditTable before={item.outcome.before} after={item.outcome.after} />
                  </details>
                ) : (
                  file.before && (
                    <details key="before">
                      <summary>{t('sanitize.file.carriesToday')}</summary>
                      <AuditTable before={file.before} />
                    </details>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}

      <form
        className="sanitize-options"
        onSubmit={(event) => {
          event.preventDefault();
          if (startReason) return;
          focusWhenShown('sanitize-status');
          void run({ inputs: inputs(), outputDir: outputDir.trim(), options, nameTemplate });
        }}
      >
        <fieldset>
          <legend>{t('sanitize.options.cleanCopy')}</legend>
          <span className="field">
            <label htmlFor={ids.format}>{t('sanitize.options.format')}</label>
            <select id={ids.format} value={options.format} onChange={(e) => setOptions({ ...options, format: e.target.value as SanitizeOptions['format'] })}>
              <option value="mp4">{t('sanitize.options.format.mp4')}</option>
              <option value="webm">{t('sanitize.options.format.webm')}</option>
            </select>
          </span>
          <span className="field">
            <label htmlFor={ids.size}>{t('sanitize.options.resolution')}</label>
            <select
              id={ids.size}
              value={options.maxHeight ?? ''}
              onChange={(e) => setOptions({ ...options, maxHeight: e.target.value ? Number(e.target.value) : undefined })}
            >
              <option value="">{t('sanitize.options.resolution.same')}</option>
              <option value="1080">{t('sanitize.options.resolution.atMost', { height: '1080' })}</option>
              <option value="720">{t('sanitize.options.resolution.atMost', { height: '720' })}</option>
            </select>
          </span>
          <fieldset className="inline">
            <legend>{t('sanitize.options.sound')}</legend>
            {(['keep', 'mute', 'remove'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="audio" value={mode} checked={options.audio === mode} onChange={() => setOptions({ ...options, audio: mode })} />
                {t(`sanitize.options.audio.${mode}`)}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{t('sanitize.options.hide')}</legend>
          <label>
            <input
              type="checkbox"
              checked={redact !== undefined}
              onChange={(e) => setRedact(e.target.checked ? (lastRedact.current ?? DEFAULT_REDACT) : undefined)}
            />
            {t('sanitize.options.hide.find')}
          </label>
          {redact && (
            <>
              <label>
                <input type="checkbox" checked={redact.keepFace === 'largest'} onChange={(e) => setRedact({ ...redact, keepFace: e.target.checked ? 'largest' : 'none' })} />
                {t('sanitize.options.hide.keepFace')}
              </label>
              <span className="field">
                <label htmlFor={ids.style}>{t('sanitize.options.hide.style')}</label>
                <select id={ids.style} value={redact.style} onChange={(e) => setOptions({ ...options, redact: { ...redact, style: e.target.value as RedactOptions['style'] } })}>
                  <option value="blur">{t('sanitize.options.hide.style.blur')}</option>
                  <option value="fill">{t('sanitize.options.hide.style.fill')}</option>
                  <option value="pixelate">{t('sanitize.options.hide.style.pixelate')}</option>
                </select>
              </span>
              <small>{t('sanitize.options.hide.checkedAgain')}</small>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('sanitize.options.where')}</legend>
          <label htmlFor={ids.output}>{t('sanitize.options.outputFolder')}</label>
          <input
            id={ids.output}
            value={outputDir}
            onChange={(e) => setOutputDir(e.target.value)}
            placeholder={t('sanitize.options.outputFolderPlaceholder')}
            spellCheck={false}
          />
          <button type="button" onClick={() => void chooseFolder()}>
            {t('sanitize.options.chooseFolder')}
          </button>
          <span className="field">
            <label htmlFor={ids.name}>{t('sanitize.options.fileNames')}</label>
            <select id={ids.name} value={nameTemplate} onChange={(e) => setNameTemplate(e.target.value)}>
              {NAME_CHOICES.map((choice) => (
                <option key={choice.template} value={choice.template}>
                  {t(choice.label)}
                </option>
              ))}
            </select>
          </span>
        </fieldset>
        <div className="actions">
          {redact && (
            <button
              type="button"
              disabled={!canReview}
              // Disabled for the same reasons as making the copies (nothing left to clean, or a batch running), said beside them.
              aria-describedby={canReview ? (files.some(reviewShown) ? ids.lookAgain : undefined) : ids.reason}
              onClick={() => {
                focusWhenShown('sanitize-status');
                void run({ inputs: inputs(), outputDir: outputDir.trim() || '.', options, nameTemplate, review: true });
              }}
            >
              {files.some(reviewShown) ? t('sanitize.actions.lookAgain') : t('sanitize.actions.review')}
            </button>
          )}
          <button type="submit" id="sanitize-make" className="primary" disabled={startReason !== undefined} aria-describedby={ids.reason}>
            {t('sanitize.actions.make')}
          </button>
          {!running && files.length > 0 && (
            <button
              type="button"
              onClick={() => {
                setFiles([]);
                setOutputs([]);
                setRefused([]);
                clear();
                // The button goes with the list: the focus goes back to where files are added.
                focusWhenShown('sanitize-choose');
              }}
            >
              {t('sanitize.actions.clear')}
            </button>
          )}
          {startReason && (
            <span id={ids.reason} className="hint">
              {startReason}
            </span>
          )}
          {canReview && files.some(reviewShown) && (
            <span id={ids.lookAgain} className="hint">
              {t('sanitize.actions.lookAgainHint')}
            </span>
          )}
          {running && (
            <button type="button" onClick={() => cancelAndFocus()}>
              {t('sanitize.actions.cancelAll')}
            </button>
          )}
        </div>
      </form>
      {error && <p role="alert">{error}</p>}
      {(batch || starting) && (
        <div className="batch-progress">
          <label>
            {t('sanitize.progress.allFiles')}
            <progress max={1} value={fraction} aria-valuetext={formatNumber(fraction, { style: 'percent' })} />
          </label>
          <span role="status" id="sanitize-status" tabIndex={-1}>
            {!batch ? t('sanitize.progress.starting') : batch.finished ? <BatchSummary items={batch.items} review={lookingThrough} /> : describeTimeLeft(timeLeft)}
          </span>
        </div>
      )}
    </section>
  );
}

/** "✓ 33 identifying tags removed, 0 left": what a clean copy took out, and what it kept (⚠ when any). */
function RemovedBadge({ before, left }: { before: number; left: number }) {
  const t = useT();
  const removed = Math.max(0, before - left);
  return (
    <span className={left ? 'badge badge-warn' : 'badge badge-ok'}>
      {left ? '⚠ ' : '✓ '}
      {t('sanitize.file.removedBadge', { removed, left })}
    </span>
  );
}

/** A review with the largest face (the worker's own, most likely) kept visible, or hidden again. */
function withOwnFace(found: FoundTracksData, keep: boolean): FoundTracksData {
  const own = ownFaceTracks(found.tracks, found.framesPerSecond);
  return { ...found, tracks: found.tracks.map((track) => (own.includes(track) ? { ...track, hidden: !keep } : track)) };
}

/** How a finished batch went: a review (`review`) says what it looked through; the making, what is ready. */
function BatchSummary({ items, review }: { items: BatchItemState[]; review: boolean }) {
  const t = useT();
  const total = items.length;
  const found = items.filter((item) => item.status === 'found').length;
  const cancelled = items.some((item) => item.status === 'cancelled');
  if (review) {
    if (found > 0) return t('sanitize.progress.lookedThrough', { found, total });
    return t(cancelled ? 'sanitize.progress.lookCancelled' : 'sanitize.progress.lookedThroughNone', { total });
  }
  const ready = items.filter((item) => item.status === 'done').length;
  return t(cancelled ? 'sanitize.progress.cancelled' : 'sanitize.progress.finished', { ready, total });
}

function RedactionResult({ report }: { report: RedactionReport }) {
  const t = useT();
  const hiddenTracks = report.tracks.filter((track) => track.hidden);
  const kept = report.tracks.filter((track) => !track.hidden);
  // A photo's tracks and what is still visible in it have no time.
  const photo = report.photo === true ? 'yes' : 'no';
  const hiddenWhen = hiddenTracks.map((track) => t('sanitize.result.hiddenTrack', { label: track.label, where: track.where, ...formatClockSpan(track.fromSeconds, track.toSeconds), photo }));
  return (
    <div className="redaction-result">
      <span>{hiddenTracks.length === 0 ? t('sanitize.result.nothingHidden') : t('sanitize.result.hidden', { tracks: formatList(hiddenWhen), photo })}</span>
      {kept.length > 0 && <span>{t('sanitize.result.kept', { tracks: formatList(kept.map((track) => t('sanitize.result.keptTrack', { label: track.label, where: track.where }))) })}</span>}
      {report.selfCheck && <span>{report.selfCheck.passed ? '✓ ' : '✗ '}{report.selfCheck.summary}</span>}
      {report.selfCheck?.stillVisible.map((item) => (
        <span key={`${item.label}-${item.where}`} className="note">
          {t('sanitize.result.stillVisible', { label: item.label, where: item.where, at: formatClock(item.atSeconds), photo })}
        </span>
      ))}
    </div>
  );
}

function FileProgress({ item, onCancel }: { item: BatchItemState; onCancel: () => void }) {
  const t = useT();
  const finished = ['done', 'found', 'failed', 'cancelled'].includes(item.status);
  return (
    <div className={`file-progress status-${item.status}`}>
      <span className="status-text">
        {item.status === 'done' || item.status === 'found' ? '✓ ' : item.status === 'failed' ? '✗ ' : ''}
        {t(`sanitize.status.${item.status}`)}
      </span>
      {!finished && <progress max={1} value={item.fraction} aria-label={t('sanitize.progress.fileLabel', { name: fileName(item.input) })} />}
      {!finished && (
        <button type="button" onClick={onCancel}>
          {t('sanitize.progress.cancel')}
        </button>
      )}
      {item.outcome && (
        <span className="output-path">
          {richMessage<ReactNode>('sanitize.progress.savedAs', { path: item.outcome.output, code })}
        </span>
      )}
      {item.error && <span className="error-text">{item.error}</span>}
      {item.outcome?.notes.map((note) => (
        <span key={note} className="note">
          {note}
        </span>
      ))}
      {item.outcome?.redaction && <RedactionResult report={item.outcome.redaction} />}
    </div>
  );
}
