import { useEffect, useId, useState } from 'react';
import type { IpcResponse } from '../../core/ipc/contract.std';
import { fromFractions } from '../../core/media/geometry.std';
import type { Region } from '../../core/sanitize/plan.std';
import { api, call } from '../app/api.dom';
import { useT } from '../app/language.dom';
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
  const t = useT();
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
  if (!frame) return <p role="status">{t('sanitize.blur.loading')}</p>;

  const typedRegion = (['x', 'y', 'w', 'h'] as const).every((key) => typed[key] !== '' && Number.isFinite(Number(typed[key])))
    ? { x: Number(typed.x), y: Number(typed.y), w: Number(typed.w), h: Number(typed.h) }
    : undefined;

  return (
    <div className="blur-editor">
      <p className="hint">{t('sanitize.blur.hint', { width: String(frame.source.width), height: String(frame.source.height) })}</p>
      <div
        ref={surface}
        className="blur-surface"
        data-testid="blur-surface"
        style={{ aspectRatio: `${frame.preview.width} / ${frame.preview.height}` }}
        {...handlers}
      >
        <img src={frame.dataUrl} alt={t('sanitize.blur.frameAlt')} draggable={false} />
        {[...regions, ...(drawing ? [drawing] : [])].map((region, index) => (
          <div key={index} className="blur-box" style={percentBox(region, frame.source)}>
            <span>{index < regions.length ? t('sanitize.blur.regionName', { n: index + 1 }) : ''}</span>
          </div>
        ))}
      </div>
      {cornerRegions.length > 0 && (
        <p>
          <button type="button" onClick={() => onChange([...regions, ...cornerRegions.map((fractions) => fromFractions(fractions, frame.source))])}>
            {t('sanitize.blur.addCornerAreas', { count: cornerRegions.length })}
          </button>{' '}
          <span className="hint">{t('sanitize.blur.cornerAreasHint')}</span>
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
        <span id={formId}>{t('sanitize.blur.addRegionTitle')}</span>
        {(['x', 'y', 'w', 'h'] as const).map((key) => (
          <label key={key}>
            {t(`sanitize.blur.field.${key}`)}
            <input inputMode="numeric" value={typed[key]} onChange={(e) => setTyped({ ...typed, [key]: e.target.value })} size={5} />
          </label>
        ))}
        <button type="submit" disabled={!typedRegion}>
          {t('sanitize.blur.addRegion')}
        </button>
      </form>
      {regions.length > 0 && (
        <ul className="blur-list" aria-label={t('sanitize.blur.listLabel')}>
          {regions.map((region, index) => (
            <li key={index}>
              {t('sanitize.blur.region', { n: index + 1, w: String(region.w), h: String(region.h), x: String(region.x), y: String(region.y) })}{' '}
              <button type="button" className="link" onClick={() => onChange(regions.filter((_, i) => i !== index))}>
                {t('sanitize.blur.removeRegion', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
