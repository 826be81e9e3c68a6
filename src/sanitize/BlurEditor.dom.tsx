import { useEffect, useId, useState } from 'react';
import type { IpcResponse } from '../../core/ipc/contract.std';
import { fromFractions } from '../../core/media/geometry.std';
import type { Region } from '../../core/sanitize/plan.std';
import { api, call } from '../app/api.dom';
import { percentBox } from '../shared/percentBox.dom';
import { useDrawnBox } from '../shared/useDrawnBox.dom';

type Frame = IpcResponse<'sanitize:previewFrame'>;

/** Drags shorter than this (source pixels) are taken as clicks, not regions. */
const MIN_DRAG = 8;

/**
 * Marks regions to blur on an upright frame of the file: drag on the picture, or type the numbers (for the
 * keyboard and for precision). Regions are kept in the source's own pixels.
 */
export function BlurEditor({ path, regions, onChange }: { path: string; regions: Region[]; onChange: (regions: Region[]) => void }) {
  const [frame, setFrame] = useState<Frame>();
  const [cornerRegions, setCornerRegions] = useState<Region[]>([]);
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState({ x: '', y: '', w: '', h: '' });
  const formId = useId();
  const { surface, drawing, handlers } = useDrawnBox(frame?.source, (region) => onChange([...regions, region]), { minDrag: MIN_DRAG, round: true });

  useEffect(() => {
    call(api['sanitize:previewFrame']({ path })).then(setFrame, (e: Error) => setError(e.message));
    call(api['settings:get']({})).then((settings) => setCornerRegions(settings.cornerBlurRegions ?? []), (e: Error) => setError(e.message));
  }, [path]);

  if (error) return <p role="alert">{error}</p>;
  if (!frame) return <p role="status">Loading a frame…</p>;

  const typedRegion = (['x', 'y', 'w', 'h'] as const).every((key) => typed[key] !== '' && Number.isFinite(Number(typed[key])))
    ? { x: Number(typed.x), y: Number(typed.y), w: Number(typed.w), h: Number(typed.h) }
    : undefined;

  return (
    <div className="blur-editor">
      <p className="hint">
        Drag on the picture to mark what must not be seen (a face, a letter, a screen), or type a region below. The
        picture is {frame.source.width}×{frame.source.height}.
      </p>
      <div
        ref={surface}
        className="blur-surface"
        data-testid="blur-surface"
        style={{ aspectRatio: `${frame.preview.width} / ${frame.preview.height}` }}
        {...handlers}
      >
        <img src={frame.dataUrl} alt="A frame of the file, for marking regions to blur" draggable={false} />
        {[...regions, ...(drawing ? [drawing] : [])].map((region, index) => (
          <div key={index} className="blur-box" style={percentBox(region, frame.source)}>
            <span>{index < regions.length ? `Blur ${index + 1}` : ''}</span>
          </div>
        ))}
      </div>
      {cornerRegions.length > 0 && (
        <p>
          <button type="button" onClick={() => onChange([...regions, ...cornerRegions.map((fractions) => fromFractions(fractions, frame.source))])}>
            Add the {cornerRegions.length === 1 ? 'area' : `${cornerRegions.length} areas`} marked in Check corner
          </button>{' '}
          <span className="hint">They land in the same place in the picture: right for a clip filmed from the camera position you checked.</span>
        </p>
      )}
      <form
        className="blur-form"
        aria-labelledby={formId}
        onSubmit={(event) => {
          event.preventDefault();
          if (typedRegion && typedRegion.w > 0 && typedRegion.h > 0) {
            onChange([...regions, typedRegion]);
            setTyped({ x: '', y: '', w: '', h: '' });
          }
        }}
      >
        <span id={formId}>Add a region (pixels):</span>
        {(['x', 'y', 'w', 'h'] as const).map((key) => (
          <label key={key}>
            {{ x: 'Left', y: 'Top', w: 'Width', h: 'Height' }[key]}
            <input inputMode="numeric" value={typed[key]} onChange={(e) => setTyped({ ...typed, [key]: e.target.value })} size={5} />
          </label>
        ))}
        <button type="submit" disabled={!typedRegion}>
          Add region
        </button>
      </form>
      {regions.length > 0 && (
        <ul className="blur-list" aria-label="Regions to blur">
          {regions.map((region, index) => (
            <li key={index}>
              Blur {index + 1}: {region.w}×{region.h} at {region.x}, {region.y}{' '}
              <button type="button" className="link" onClick={() => onChange(regions.filter((_, i) => i !== index))}>
                Remove blur {index + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
