/**
 * The guides' six factors for rating a platform, and what a terms document says about each: "higher risk" when
 * a red flag bearing on the factor is found, "lower risk" when none is, "unknown" when no terms were read. Each
 * rating carries its reason, so that nothing rests on a colour. Pure.
 */
import { type RedFlagId, redFlagRule } from './redFlags.std';
import type { TermsFlag } from './scanTerms.std';

export const FACTORS = ['pay transparency', 'data consent', 'worker protections', 'career impact', 'safety and privacy', 'platform trust'] as const;
export type Factor = (typeof FACTORS)[number];
export type FactorRating = { factor: Factor; rating: 'lower risk' | 'higher risk' | 'unknown'; reason: string };

/** Which red flags bear on which factor. */
const RULES_OF: Record<Factor, readonly RedFlagId[]> = {
  'pay transparency': ['pay_discretion', 'confidentiality_gag'],
  'data consent': ['perpetual_licence', 'worldwide_sublicensable', 'any_purpose_reuse', 'likeness_voice_biometric', 'no_deletion'],
  'worker protections': ['no_appeal_or_dispute', 'indemnity'],
  'career impact': ['moral_rights_waiver'],
  'safety and privacy': ['sale_or_transfer', 'retention_unspecified'],
  'platform trust': ['unilateral_changes'],
};

export function rateTerms(flags: readonly TermsFlag[] | undefined): FactorRating[] {
  return FACTORS.map((factor) => {
    if (!flags) return { factor, rating: 'unknown', reason: 'No terms have been read for this platform yet.' };
    const found = RULES_OF[factor].filter((rule) => flags.some((flag) => flag.rule === rule));
    if (found.length > 0) return { factor, rating: 'higher risk', reason: `The terms say: ${found.map((rule) => redFlagRule(rule).title.toLowerCase()).join('; ')}.` };
    const looked = RULES_OF[factor].map((rule) => redFlagRule(rule).title.toLowerCase()).join('; ');
    return { factor, rating: 'lower risk', reason: `No clause found for: ${looked}.` };
  });
}

/** One line for a whole document: how many red flags of how many kinds. */
export function termsVerdict(flags: readonly TermsFlag[]): { rating: 'higher risk' | 'no red flag found'; kinds: number } {
  const kinds = new Set(flags.map((flag) => flag.rule)).size;
  return { rating: kinds > 0 ? 'higher risk' : 'no red flag found', kinds };
}
