/** How the commands print what they found, in the worker's language. */
import { t } from '../core/i18n/i18n.std';
import type { RedactedTrack } from '../core/sanitize/selfCheck.std';
import { type FactorRating, factorName, ratingName } from '../core/terms/rating.std';

/**
 * A track as "Face in view (faces), middle right, 0–4.2 s" (in a photo, without the seconds): the group is the
 * word `--redact` takes.
 */
export function describeTrack(track: Pick<RedactedTrack, 'label' | 'group' | 'where' | 'fromSeconds' | 'toSeconds'>, photo = false): string {
  return t('cli.track', { label: track.label, group: track.group, where: track.where, from: track.fromSeconds, to: track.toSeconds, photo: photo ? 'yes' : 'no' });
}

/** A factor of a platform's rating as "Data consent: higher risk. The terms say: …". */
export function describeFactor(factor: FactorRating): string {
  return t('cli.factor', { factor: factorName(factor.factor), rating: ratingName(factor.rating), reason: factor.reason });
}
