/**
 * The guides' six factors for rating a platform, and what a terms document says about each: "higher risk" when
 * a red flag bearing on the factor is found, "unknown" otherwise (a rule can miss a clause, so finding none is no
 * proof). "Lower risk" needs positive evidence: the report card's answers and the worker's own log. Each rating
 * carries its reason, so that nothing rests on a colour. Pure.
 */
import { t } from '../i18n/i18n.std';
import { type RedFlagId, redFlagRule } from './redFlags.std';
import type { TermsFlag } from './scanTerms.std';
import type { ConsentQuestionId } from './consent.std';

export const FACTORS = ['pay transparency', 'data consent', 'worker protections', 'career impact', 'safety and privacy', 'platform trust'] as const;
export type Factor = (typeof FACTORS)[number];
export type FactorRating = { factor: Factor; rating: 'lower risk' | 'higher risk' | 'unknown'; reason: string };

/** Catalogue keys of the factors: the factors themselves are ids in the IPC contract and the CLI's JSON. */
const FACTOR_KEYS = {
  'pay transparency': 'terms.factor.payTransparency',
  'data consent': 'terms.factor.dataConsent',
  'worker protections': 'terms.factor.workerProtections',
  'career impact': 'terms.factor.careerImpact',
  'safety and privacy': 'terms.factor.safetyAndPrivacy',
  'platform trust': 'terms.factor.platformTrust',
} as const satisfies Record<Factor, string>;

/** A factor's name in the current language. */
export function factorName(factor: Factor): string {
  return t(FACTOR_KEYS[factor]);
}

const RATING_KEYS = { 'lower risk': 'terms.rating.lowerRisk', 'higher risk': 'terms.rating.higherRisk', unknown: 'terms.rating.unknown' } as const satisfies Record<FactorRating['rating'], string>;

/** A rating in words, in the current language. */
export function ratingName(rating: FactorRating['rating']): string {
  return t(RATING_KEYS[rating]);
}

/** The red flags' titles as one phrase inside a sentence: "rights to your recordings forever; sold or passed on". */
export function flagTitles(flags: readonly RedFlagId[]): string {
  return flags.map((flag) => redFlagRule(flag).title.toLowerCase()).join('; ');
}

/** The red flags in the terms and the consent questions each factor is judged on. */
export const FACTOR_SOURCES: Record<Factor, { flags: readonly RedFlagId[]; questions: readonly ConsentQuestionId[] }> = {
  'pay transparency': { flags: ['pay_discretion', 'confidentiality_gag'], questions: ['pay_timing', 'speaking'] },
  'data consent': { flags: ['perpetual_licence', 'worldwide_sublicensable', 'any_purpose_reuse', 'likeness_voice_biometric', 'no_deletion'], questions: ['ownership', 'deletion', 'training'] },
  'worker protections': { flags: ['no_appeal_or_dispute', 'indemnity'], questions: ['appeal', 'liability'] },
  'career impact': { flags: ['moral_rights_waiver'], questions: ['ownership'] },
  'safety and privacy': { flags: ['sale_or_transfer', 'retention_unspecified'], questions: ['sale', 'retention'] },
  'platform trust': { flags: ['unilateral_changes'], questions: ['changes'] },
};

export function rateTerms(flags: readonly TermsFlag[] | undefined): FactorRating[] {
  return FACTORS.map((factor) => {
    if (!flags) return { factor, rating: 'unknown', reason: t('terms.rating.reason.noTerms') };
    const found = FACTOR_SOURCES[factor].flags.filter((rule) => flags.some((flag) => flag.rule === rule));
    if (found.length > 0) return { factor, rating: 'higher risk', reason: t('terms.rating.reason.found', { flags: flagTitles(found) }) };
    // No match is not a clean bill: a clause phrased in a way no rule knows is missed.
    return { factor, rating: 'unknown', reason: t('terms.rating.reason.noneFound', { flags: flagTitles(FACTOR_SOURCES[factor].flags) }) };
  });
}

/** One line for a whole document: how many red flags of how many kinds. */
export function termsVerdict(flags: readonly TermsFlag[]): { rating: 'higher risk' | 'no red flag found'; kinds: number } {
  const kinds = new Set(flags.map((flag) => flag.rule)).size;
  return { rating: kinds > 0 ? 'higher risk' : 'no red flag found', kinds };
}
