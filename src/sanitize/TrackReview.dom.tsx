import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { IpcResponse } from '../../core/ipc/contract.std';
import { type Box, type Nudge, nudgeBox } from '../../core/media/geometry.std';
import { outOfFrame } from '../../core/sanitize/cameraMotion.std';
import type { FoundTracksData, RedactOptions } from '../../core/sanitize/options.std';
import { type RedactTrack, boxesAt, keptByChoice, markedAreasAround, markedTrack, trackBoxAt, trackPlaces, trackSpan, withoutMargin } from '../../core/sanitize/redactTracks.std';
import { formatClock, formatClockSpan } from '../../core/shared/clock.std';
import { formatNumber } from '../../core/i18n/i18n.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
import { percentBox } from '../shared/percentBox.dom';
import { useBoxLabels } from '../shared/boxLabels.dom';
import { useDrawnBox } from '../shared/useDrawnBox.dom';

type Frame = IpcResponse<'sanitize:previewFrame'>;

/** Drags shorter than this (copy pixels) are clicks, not boxes. */
const MIN_DRAG = 8;
/** The scrubber moves a tenth of a second a step (arrow keys), a second with Page Up and Down. */
const STEP_SECONDS = 0.1;
/** A box set by keyboard moves or grows an 80th of the picture's width a key press. */
const KEY_STEPS_ACROSS = 80;
const ARROWS: Readonly<Record<string, Nudge>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** What `fixing` holds while a new area is placed with the keys: no track has this id (they count from 1). */
const NEW_AREA = 0;

/**
 * The review before a copy is made: the clip at any moment with what will be hidden drawn on it, and every
 * track in a list, each kept visible or hidden. A box that is off can be drawn again at the moment shown (the
 * new box stands from there until the track's next sighting); a new area can be drawn that stays put in
 * the picture or follows what is under it as the camera moves.
 */
/** `chosen`: what the copy hides and keeps, which decides where a face kept visible shows through hidden bodies. */
export function TrackReview({ path, found, chosen, onChange }: { path: string; found: FoundTracksData; chosen: Pick<RedactOptions, 'groups' | 'keepFace'>; onChange: (found: FoundTracksData) => void }) {
  const t = useT();
  const [frameIndex, setFrameIndex] = useState(() => firstFrameOf(found.tracks));
  const [frame, setFrame] = useState<Frame>();
  const [error, setError] = useState<string>();
  /** The track whose box is being set, or NEW_AREA: the picture takes the keys. */
  const [fixing, setFixing] = useState<number>();
  /** The box being set by keyboard: a fixed track's starts where its box is now, a new area's in the middle. */
  const [keyed, setKeyed] = useState<Box>();
  const [follows, setFollows] = useState(false);
  const ids = { scrubber: useId(), list: useId(), mode: useId(), keys: useId(), addArea: useId() };
  const picture = { ...found.size, camera: found.camera };
  // A photo has one moment: no scrubber, no times, and what is drawn on it stays put.
  const photo = found.frameCount <= 1;
  const seconds = frameIndex / found.framesPerSecond;

  useEffect(() => {
    // The frame shown: the file at this moment (a short wait while scrubbing, so a drag asks for one frame).
    // A reply for a moment already left behind is dropped: the picture always matches the boxes drawn on it.
    let current = true;
    const timer = setTimeout(
      () =>
        call(api['sanitize:previewFrame']({ path, atSeconds: seconds })).then(
          (next) => current && (setFrame(next), setError(undefined)),
          (e: Error) => current && setError(e.message),
        ),
      120,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, seconds]);

  const update = (track: RedactTrack) => onChange({ ...found, tracks: found.tracks.map((candidate) => (candidate.id === track.id ? track : candidate)) });
  const focusAfter = useRef<string>(undefined);
  /**
   * Back to the track's button when the keys ended the fix (Enter, Escape); a mouse user, who drew the box, is
   * not scrolled away from the picture (the picture has focus then too: startFixing gave it).
   */
  function stopFixing(byKey = false) {
    const track = fixing;
    setFixing(undefined);
    setKeyed(undefined);
    if (track !== undefined && byKey) focusAfter.current = track === NEW_AREA ? ids.addArea : `${ids.list}-fix-${track}`;
  }
  /** `byKey`: the box was set with the keys (Enter), not drawn with the mouse. */
  function finishDrawing(box: Box, byKey = false) {
    const pose = found.camera[frameIndex];
    const fixed = found.tracks.find((track) => track.id === fixing);
    if (fixing !== undefined && fixing !== NEW_AREA && !fixed) return stopFixing(byKey);
    if (fixed) {
      // The drawn box is a sighting of its own at this moment, without the margin the track adds around it.
      const bare = withoutMargin(box, fixed, found.size);
      const sighting = { frame: frameIndex, box: fixed.anchored && pose ? outOfFrame(bare, pose) : bare, fixed: true as const };
      const sightings = [...fixed.sightings.filter((candidate) => candidate.frame !== frameIndex), sighting].sort((a, b) => a.frame - b.frame);
      update({ ...fixed, sightings });
      stopFixing(byKey);
      return;
    }
    const id = Math.max(0, ...found.tracks.map((track) => track.id)) + 1;
    onChange({ ...found, tracks: [...found.tracks, markedTrack(id, box, found.frameCount, { anchored: follows, frame: frameIndex, camera: found.camera })] });
    if (fixing === NEW_AREA) stopFixing(byKey);
  }

  const { surface: pictureRef, drawing: sketch, handlers } = useDrawnBox(found.size, finishDrawing, { minDrag: MIN_DRAG });

  /** Fixing a track's box: the picture takes the keys (a box drawn with the mouse does the same). */
  function startFixing(track: RedactTrack) {
    setKeyed(trackBoxAt(track, frameIndex, picture) ?? centreBox(found.size));
    setFixing(track.id);
  }
  useEffect(() => {
    if (fixing !== undefined) pictureRef.current?.focus();
    else if (focusAfter.current) document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = undefined;
  }, [fixing, pictureRef]);
  /** Another moment shown: a box being set by keyboard starts again from where its track is at that moment. */
  function showMoment(index: number) {
    setFrameIndex(index);
    // A new area being placed stays where the worker put it.
    const track = found.tracks.find((candidate) => candidate.id === fixing);
    if (track) setKeyed(trackBoxAt(track, index, picture) ?? centreBox(found.size));
  }
  function onSurfaceKey(event: KeyboardEvent<HTMLDivElement>) {
    if (fixing === undefined || !keyed || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
    const direction = ARROWS[event.key];
    if (direction) setKeyed(nudgeBox(keyed, direction, event.shiftKey, Math.max(2, Math.round(found.size.width / KEY_STEPS_ACROSS)), found.size));
    else if (event.key === 'Enter') finishDrawing(keyed, true);
    else if (event.key === 'Escape') stopFixing(true);
    else return;
    event.preventDefault();
  }

  // Each track's place where its thumbnail shows it, told apart from others of its kind there ("2 of 4 from
  // the left"); listed as they first show, and those that show at once from the left, as their places count.
  const places = trackPlaces(found.tracks, picture);
  const insideMarked = markedAreasAround(found.tracks, picture);
  const listed = found.tracks
    .map((track, i) => {
      const first = track.sightings[0]!.frame;
      return { track, where: places[i]!, first, left: trackBoxAt(track, first, picture)?.x ?? 0 };
    })
    .sort((a, b) => a.first - b.first || a.left - b.left);
  const shown = found.tracks.flatMap((track) => {
    const box = trackBoxAt(track, frameIndex, picture);
    return box ? [{ track, box }] : [];
  });
  // Where a face kept visible shows through a hidden body in the copy, the picture shows through its tint too.
  const throughTint = boxesAt(found.tracks, frameIndex, picture, keptByChoice(found, chosen)).shown;
  const boxLabels = shown.map(({ track }) => (track.hidden ? t('sanitize.review.boxHidden', { label: track.label }) : t('sanitize.review.boxVisible', { label: track.label })));
  const { overlayRef, labelRef, labelStyles } = useBoxLabels(
    shown.map(({ box }) => box),
    boxLabels,
    found.size,
  );
  // The surface is what the user draws on and what the labels are placed over.
  const surfaceRef = useCallback(
    (element: HTMLDivElement | null) => {
      pictureRef.current = element;
      overlayRef(element);
    },
    [pictureRef, overlayRef],
  );
  const hiddenCount = found.tracks.filter((track) => track.hidden).length;
  const fixingLabel = fixing === NEW_AREA ? t('sanitize.review.newAreaName') : (found.tracks.find((track) => track.id === fixing)?.label.toLowerCase() ?? '');

  return (
    <div className="track-review">
      <p className="hint">
        {found.tracks.length === 0 ? t('sanitize.review.nothingFound') : t('sanitize.review.found', { hidden: hiddenCount, total: found.tracks.length })}
      </p>
      {error && <p role="alert">{error}</p>}
      <div
        ref={surfaceRef}
        className="blur-surface"
        data-testid="review-surface"
        style={{ aspectRatio: `${found.size.width} / ${found.size.height}` }}
        {...handlers}
        {...(fixing !== undefined
          ? { role: 'application', tabIndex: 0, 'aria-label': t('sanitize.review.keyedBox', { label: fixingLabel }), 'aria-describedby': ids.keys, onKeyDown: onSurfaceKey }
          : {})}
      >
        {frame ? (
          <img src={frame.dataUrl} alt={t('sanitize.review.frameAlt', { at: formatClock(seconds) })} draggable={false} />
        ) : (
          <p role="status">{t('sanitize.review.loading')}</p>
        )}
        {frame &&
          throughTint.map((part) => (
            <div key={`${part.x},${part.y}`} className="track-through" style={percentBox(part, found.size)}>
              <img src={frame.dataUrl} alt="" draggable={false} style={{ width: `${(100 * found.size.width) / part.w}%`, height: `${(100 * found.size.height) / part.h}%`, left: `${(-100 * part.x) / part.w}%`, top: `${(-100 * part.y) / part.h}%` }} />
            </div>
          ))}
        {shown.map(({ track, box }, index) => (
          <div key={track.id} className="track-flag">
            <div className={`track-box ${track.hidden ? 'track-hidden' : 'track-kept'}`} style={percentBox(box, found.size)} />
            <span ref={labelRef} className={`box-label track-label ${track.hidden ? 'track-hidden' : 'track-kept'}`} style={labelStyles[index]}>
              {boxLabels[index]}
            </span>
          </div>
        ))}
        {(sketch ?? keyed) && <div className="track-box track-drawing" style={percentBox((sketch ?? keyed)!, found.size)} />}
      </div>
      {fixing !== undefined && (
        <p className="hint" id={ids.keys}>
          {t(fixing === NEW_AREA ? 'sanitize.review.keysNewArea' : 'sanitize.review.keys')}
        </p>
      )}
      {/* Where the box stands after each key, for a screen reader: the picture itself says nothing. */}
      <p role="status" className="visually-hidden">
        {fixing !== undefined && keyed && t('sanitize.review.keyedWhere', placeOf(keyed, found.size))}
      </p>
      <div className="review-controls">
        {!photo && (
          <>
            <label htmlFor={ids.scrubber}>
              {t('sanitize.review.moment', { at: formatClock(seconds, { tenths: true }), length: formatClock(found.frameCount / found.framesPerSecond) })}
            </label>
            <input
              id={ids.scrubber}
              type="range"
              min={0}
              max={Math.max(0, found.frameCount - 1)}
              step={Math.max(1, Math.round(STEP_SECONDS * found.framesPerSecond))}
              value={frameIndex}
              onChange={(event) => showMoment(Number(event.target.value))}
            />
          </>
        )}
        <fieldset className="inline">
          <legend id={ids.mode}>{fixing !== undefined && fixing !== NEW_AREA ? t('sanitize.review.redrawing', { label: fixingLabel }) : t('sanitize.review.newArea')}</legend>
          {fixing !== undefined && fixing !== NEW_AREA ? (
            <button type="button" onClick={() => stopFixing()}>
              {t('sanitize.review.stopFixing')}
            </button>
          ) : (
            <>
              {!photo && (
                <>
                  <label>
                    <input type="radio" name={`${ids.mode}-follows`} checked={!follows} onChange={() => setFollows(false)} />
                    {t('sanitize.review.staysPut')}
                  </label>
                  <label>
                    <input type="radio" name={`${ids.mode}-follows`} checked={follows} onChange={() => setFollows(true)} />
                    {t('sanitize.review.follows')}
                  </label>
                </>
              )}
              {/* The mouse draws on the picture; the keys place a box there from the middle. */}
              <button
                type="button"
                id={ids.addArea}
                aria-pressed={fixing === NEW_AREA}
                onClick={() => {
                  if (fixing === NEW_AREA) return stopFixing();
                  setKeyed(centreBox(found.size));
                  setFixing(NEW_AREA);
                }}
              >
                {t('sanitize.review.addArea')}
              </button>
            </>
          )}
        </fieldset>
      </div>
      <ul className="track-list" aria-label={t('sanitize.review.listLabel')} id={ids.list}>
        {listed.map(({ track, where }) => {
          const span = trackSpan(track, found.frameCount);
          const { from, to } = formatClockSpan(span.first / found.framesPerSecond, (span.last + 1) / found.framesPerSecond);
          const area = insideMarked.get(track.id);
          return (
            <li key={track.id} className={track.hidden ? 'track-hidden' : 'track-kept'}>
              <TrackThumb path={path} found={found} track={track} where={where} />
              <label>
                <input type="checkbox" checked={track.hidden} onChange={(event) => update({ ...track, hidden: event.target.checked })} />
                {t('sanitize.review.hideTrack', { label: track.label.toLowerCase(), where })}
              </label>
              <span className="track-meta">
                {photo ? t(`sanitize.review.group.${track.group}`) : t('sanitize.review.trackMeta', { group: t(`sanitize.review.group.${track.group}`), from, to })}
                {area && `; ${t('sanitize.review.insideMarked', { where: places[found.tracks.indexOf(area)]! })}`}
              </span>
              {!photo && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    showMoment(span.first + Math.min(span.last - span.first, Math.round(found.framesPerSecond / 2)));
                    // The picture may be scrolled away, above a long list: it shows the moment.
                    pictureRef.current?.scrollIntoView({ block: 'nearest' });
                  }}
                >
                  {t('sanitize.review.showIt')}
                </button>
              )}
              <button
                type="button"
                className="link"
                id={`${ids.list}-fix-${track.id}`}
                aria-pressed={fixing === track.id}
                onClick={() => (fixing === track.id ? stopFixing() : startFixing(track))}
              >
                {t('sanitize.review.fixBox')}
              </button>
              {track.group === 'marked' && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    if (fixing === track.id) stopFixing();
                    onChange({ ...found, tracks: found.tracks.filter((candidate) => candidate.id !== track.id) });
                  }}
                >
                  {t('sanitize.review.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A box's place as shares of the picture, in words a screen reader says. */
function placeOf(box: Box, size: { width: number; height: number }) {
  const share = (part: number, whole: number) => formatNumber(part / whole, { style: 'percent' });
  return { left: share(box.x, size.width), top: share(box.y, size.height), width: share(box.w, size.width), height: share(box.h, size.height) };
}

/** Where a box set by keyboard starts when its track is not in view: the middle of the picture. */
function centreBox(size: { width: number; height: number }): Box {
  return { x: size.width / 4, y: size.height / 4, w: size.width / 2, h: size.height / 2 };
}

/** Where the review opens: a moment that shows the first thing found, else the start. */
function firstFrameOf(tracks: readonly RedactTrack[]): number {
  const first = tracks.find((track) => track.group !== 'marked')?.sightings[0]?.frame;
  return first ?? 0;
}

/** Thumbnails are fetched one at a time: each is an ffmpeg run in main, and a clip may have dozens of tracks. */
let thumbnails: Promise<unknown> = Promise.resolve();
function thumbnailFrame(path: string, atSeconds: number): Promise<Frame | undefined> {
  const next = thumbnails.then(() => call(api['sanitize:previewFrame']({ path, atSeconds })).catch(() => undefined));
  thumbnails = next;
  return next;
}

/** What a track is, at a glance: its box on the frame of its first sighting, and where that is in words. */
function TrackThumb({ path, found, track, where }: { path: string; found: FoundTracksData; track: RedactTrack; where: string }) {
  const t = useT();
  const [frame, setFrame] = useState<Frame>();
  const at = track.sightings[0]!.frame;
  useEffect(() => {
    let current = true;
    void thumbnailFrame(path, at / found.framesPerSecond).then((next) => current && next && setFrame(next));
    return () => {
      current = false;
    };
  }, [path, at, found.framesPerSecond]);
  const box = trackBoxAt(track, at, { ...found.size, camera: found.camera });
  if (!frame || !box) return <span className="track-thumb" aria-hidden="true" />;
  // The frame scaled so that the box fills the thumbnail, and moved so that the box is what shows, in the
  // middle (a person's tall box leaves room either side).
  const size = 56;
  const scale = size / Math.max(box.w, box.h);
  const [padX, padY] = [(size - box.w * scale) / 2, (size - box.h * scale) / 2];
  return (
    <span
      className="track-thumb"
      role="img"
      aria-label={t('sanitize.review.thumbLabel', { label: track.label, where, at: formatClock(at / found.framesPerSecond) })}
      style={{
        backgroundImage: `url(${frame.dataUrl})`,
        backgroundSize: `${found.size.width * scale}px ${found.size.height * scale}px`,
        backgroundPosition: `${padX - box.x * scale}px ${padY - box.y * scale}px`,
        // Only the box shows: its neighbours either side are left out.
        padding: `${padY}px ${padX}px`,
        backgroundClip: 'content-box',
      }}
    />
  );
}
