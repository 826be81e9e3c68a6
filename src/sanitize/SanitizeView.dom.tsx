import './sanitize.css';
import { type DragEvent, useId, useState } from 'react';
import type { BatchItemState } from '../../core/ipc/contract.std';
import type { AuditReport } from '../../core/media/audit.std';
import { DEFAULT_NAME_TEMPLATE } from '../../core/sanitize/outputName.std';
import { batchFraction, describeTimeLeft, identifyingKinds, secondsLeft } from '../../core/sanitize/progress.std';
import type { Region, SanitizeOptions } from '../../core/sanitize/plan.std';
import { api, call } from '../app/api.dom';
import { AuditTable } from './AuditTable.dom';
import { BlurEditor } from './BlurEditor.dom';
import { useSanitizeBatch } from './useSanitizeBatch.dom';

type QueuedFile = { path: string; before?: AuditReport; error?: string; blur: Region[]; editingBlur?: boolean };

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

const STATUS_TEXT: Record<BatchItemState['status'], string> = {
  queued: 'Waiting',
  reading: 'Reading',
  detecting: 'Finding what gives you away',
  encoding: 'Making a clean copy',
  recovering: 'Recovering a damaged file',
  verifying: 'Checking the copy',
  checking: 'Checking that nothing hidden can be read',
  done: 'Ready to upload',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function SanitizeView() {
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [outputDir, setOutputDir] = useState('');
  const [nameTemplate, setNameTemplate] = useState(DEFAULT_NAME_TEMPLATE);
  const [options, setOptions] = useState<SanitizeOptions>({ format: 'mp4', audio: 'keep', blur: [] });
  const [message, setMessage] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const { batch, elapsedMs, error, start, cancel } = useSanitizeBatch();
  const ids = { output: useId(), format: useId(), size: useId(), name: useId() };
  const running = batch !== undefined && !batch.finished;

  function update(index: number, change: Partial<QueuedFile>) {
    setFiles((current) => current.map((file, i) => (i === index ? { ...file, ...change } : file)));
  }

  async function addPaths(paths: string[]) {
    setMessage(undefined);
    if (paths.length === 0) return;
    try {
      const { files: found } = await call(api['files:expand']({ paths }));
      if (found.length === 0) setMessage('No videos or photos were found in what you added.');
      const fresh = found.filter((file) => !files.some((queued) => queued.path === file));
      setFiles((current) => [...current, ...fresh.map((path) => ({ path, blur: [] }))]);
      for (const path of fresh) {
        // The "before" audit: what each file gives away today.
        api['sanitize:audit']({ path }).then((result) =>
          setFiles((current) =>
            current.map((queued) => (queued.path === path ? { ...queued, ...(result.ok ? { before: result.value } : { error: result.error.message }) } : queued)),
          ),
        );
      }
    } catch (e) {
      setMessage((e as Error).message);
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
    if (picked.path) setOutputDir(picked.path);
  }

  const fraction = batch ? batchFraction(batch.items) : 0;
  const canStart = files.length > 0 && outputDir.trim() !== '' && !running;

  return (
    <section className="sanitize" aria-label="Sanitize footage">
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
        <p>Drop videos, photos or folders here.</p>
        <button type="button" onClick={() => void chooseFiles()}>
          Choose files…
        </button>
      </div>
      {message && <p role="alert">{message}</p>}

      {files.length > 0 && (
        <ul className="file-list" aria-label="Files to sanitize">
          {files.map((file, index) => {
            const item = batch?.items.find((candidate) => candidate.input === file.path);
            return (
              <li key={file.path} className="file-row">
                <div className="file-head">
                  <strong>{baseName(file.path)}</strong>
                  {file.before && (
                    <span className={file.before.identifyingCount ? 'badge badge-warn' : 'badge badge-ok'}>
                      {file.before.identifyingCount
                        ? `${file.before.identifyingCount} identifying tags: ${identifyingKinds(file.before).join(', ')}`
                        : 'No identifying tags found'}
                    </span>
                  )}
                  {file.error && <span className="badge badge-bad">{file.error}</span>}
                  {!running && !item && (
                    <>
                      <button type="button" className="link" aria-expanded={Boolean(file.editingBlur)} onClick={() => update(index, { editingBlur: !file.editingBlur })}>
                        {file.blur.length ? `Blur regions (${file.blur.length})` : 'Blur regions…'}
                      </button>
                      <button type="button" className="link" onClick={() => setFiles((current) => current.filter((_, i) => i !== index))} aria-label={`Remove ${baseName(file.path)}`}>
                        Remove
                      </button>
                    </>
                  )}
                </div>
                {file.editingBlur && !item && <BlurEditor path={file.path} regions={file.blur} onChange={(blur) => update(index, { blur })} />}
                {item && <FileProgress item={item} onCancel={() => cancel(item.index)} />}
                {item?.outcome ? (
                  <details>
                    <summary>Before and after: every tag</summary>
                    <AuditTable before={item.outcome.before} after={item.outcome.after} />
                  </details>
                ) : (
                  file.before && (
                    <details>
                      <summary>What this file carries today</summary>
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
          if (canStart) void start({ inputs: files.map((file) => ({ path: file.path, blur: file.blur })), outputDir: outputDir.trim(), options, nameTemplate });
        }}
      >
        <fieldset>
          <legend>Clean copy</legend>
          <label htmlFor={ids.format}>Format</label>
          <select id={ids.format} value={options.format} onChange={(e) => setOptions({ ...options, format: e.target.value as SanitizeOptions['format'] })}>
            <option value="mp4">MP4 (H.264 + AAC): accepted everywhere</option>
            <option value="webm">WebM (VP9 + Opus)</option>
          </select>
          <label htmlFor={ids.size}>Resolution</label>
          <select
            id={ids.size}
            value={options.maxHeight ?? ''}
            onChange={(e) => setOptions({ ...options, maxHeight: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">Same as the original</option>
            <option value="1080">At most 1080p</option>
            <option value="720">At most 720p</option>
          </select>
          <fieldset className="inline">
            <legend>Sound</legend>
            {(['keep', 'mute', 'remove'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="audio" value={mode} checked={options.audio === mode} onChange={() => setOptions({ ...options, audio: mode })} />
                {{ keep: 'Keep', mute: 'Replace with silence', remove: 'Remove' }[mode]}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>Where</legend>
          <label htmlFor={ids.output}>Output folder</label>
          <input id={ids.output} value={outputDir} onChange={(e) => setOutputDir(e.target.value)} placeholder="/home/you/Videos/clean" spellCheck={false} />
          <button type="button" onClick={() => void chooseFolder()}>
            Choose…
          </button>
          <label htmlFor={ids.name}>File names</label>
          <input id={ids.name} value={nameTemplate} onChange={(e) => setNameTemplate(e.target.value)} aria-describedby={`${ids.name}-hint`} />
          <small id={`${ids.name}-hint`}>{'{n}'} is a number. {'{name}'} reuses the original name, which often holds dates or names.</small>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={!canStart}>
            Make clean copies
          </button>
          {running && (
            <button type="button" onClick={() => cancel()}>
              Cancel all
            </button>
          )}
        </div>
      </form>
      {error && <p role="alert">{error}</p>}
      {batch && (
        <div className="batch-progress">
          <label>
            All files
            <progress max={1} value={fraction} aria-valuetext={`${Math.round(fraction * 100)}%`} />
          </label>
          <span role="status">{batch.finished ? summarise(batch.items) : describeTimeLeft(secondsLeft(fraction, elapsedMs))}</span>
        </div>
      )}
    </section>
  );
}

function summarise(items: BatchItemState[]): string {
  const ready = items.filter((item) => item.status === 'done').length;
  return `Finished: ${ready} of ${items.length} ready to upload.`;
}

function FileProgress({ item, onCancel }: { item: BatchItemState; onCancel: () => void }) {
  const finished = ['done', 'failed', 'cancelled'].includes(item.status);
  return (
    <div className={`file-progress status-${item.status}`}>
      <span className="status-text">
        {item.status === 'done' ? '✓ ' : item.status === 'failed' ? '✗ ' : ''}
        {STATUS_TEXT[item.status]}
      </span>
      {!finished && <progress max={1} value={item.fraction} aria-label={`Progress for ${baseName(item.input)}`} />}
      {!finished && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {item.outcome && (
        <span className="output-path">
          Saved as <code>{item.outcome.output}</code>
        </span>
      )}
      {item.error && <span className="error-text">{item.error}</span>}
      {item.outcome?.notes.map((note) => (
        <span key={note} className="note">
          {note}
        </span>
      ))}
    </div>
  );
}
