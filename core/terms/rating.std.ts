/**
 * The guides' six factors for rating a platform, and what a terms document says about each: "higher risk" when
 * a red flag bearing on the factor is found, "unknown" otherwise (a rule can miss a clause, so finding none is no
 * proof). "Lower risk" needs positive evidence: the report card's answers and the worker's own log. Each rating
 * carries its reason, so that nothing rests on a colour. Pure.
 */
import { type RedFlagId, redFlagRule } from './redFlags.std';
import type { TermsFlag } from './scanTerms.std';
import type { ConsentQuestionId } from './consent.std';

export const FACTORS = ['pay transparency', 'data consent', 'worker protections', 'career impact', 'safety and privacy', 'platform trust'] as const;
export type Factor = (typeof FACTORS)[number];
export type FactorRating = { factor: Factor; rating: 'lower risk' | 'higher risk' | 'unknown'; reason: string };

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
    if (!flags) return { factor, rating: 'unknown', reason: 'No terms have been read for this platform yet.' };
    const found = FACTOR_SOURCES[factor].flags.filter((rule) => flags.some((flag) => flag.rule === rule));
    if (found.length > 0) return { factor, rating: 'higher risk', reason: `The terms say: ${found.map((rule) => redFlagRule(rule).title.toLowerCase()).join('; ')}.` };
    const looked = FACTOR_SOURCES[factor].flags.map((rule) => redFlagRule(rule).title.toLowerCase()).join('; ');
    // No match is not a clean bill: a clause phrased in a way no rule knows is missed.
    return { factor, rating: 'unknown', reason: `No red flag found for: ${looked}. SafeTake can miss a clause, so read these parts yourself.` };
  });
}

/** One line for a whole document: how many red flags of how many kinds. */
export function termsVerdict(flags: readonly TermsFlag[]): { rating: 'higher risk' | 'no red flag found'; kinds: number } {
  const kinds = new Set(flags.map((flag) => flag.rule)).size;
  return { rating: kinds > 0 ? 'higher risk' : 'no red flag found', kinds };
}
