import { describe, expect, it } from 'vitest';
import type { RedFlagId } from './redFlags.std';
import { scanTerms } from './scanTerms.std';

/**
 * Clauses written in the style of crowdwork, data-collection and creator terms by a reviewer who had not seen
 * the rules, none from the labelled corpus: the rules must hold on agreements they were not tuned on.
 */
const rulesIn = (text: string): RedFlagId[] => [...new Set(scanTerms(text).map((flag) => flag.rule))];

const SHOULD_FLAG: Array<[RedFlagId[], string]> = [
  [['perpetual_licence'], 'Upon creation, all Work Product shall be the sole and exclusive property of the Company, and Contributor hereby irrevocably assigns to Company any rights therein.'],
  [['worldwide_sublicensable', 'likeness_voice_biometric'], 'By submitting audio, you grant Company a royalty-free, fully paid-up, worldwide licence to reproduce, modify and create derivative works from your voice recordings.'],
  [['any_purpose_reuse'], 'Contributor acknowledges that the Recordings may be used by Company and its licensees in connection with any products or services, whether now existing or developed in the future.'],
  [['no_deletion'], 'Deleting your account does not remove content already delivered to customers.'],
  [['pay_discretion'], 'You acknowledge that Company has no obligation to pay you for any Submission that Company, in its discretion, does not accept.'],
  [['pay_discretion'], 'Tasks that fail our automated quality check will not be compensated.'],
  [['pay_discretion'], 'Rewards earned will expire if your account is inactive for 90 days.'],
  [['unilateral_changes'], 'Company may revise the pay rates for any project at any time by posting updated rates on the Platform.'],
  [['no_appeal_or_dispute'], "The Company's determination of whether a Task meets the quality requirements is conclusive."],
  [['no_appeal_or_dispute'], 'Any disputes will be settled by an arbitrator in Singapore under the SIAC rules.'],
  [['confidentiality_gag'], 'Participants may not reveal the content of the prompts or their compensation to anyone.'],
  [['indemnity'], "You will reimburse Company for all losses, damages and attorneys' fees arising from any breach of these Terms by you."],
  [['moral_rights_waiver'], 'You consent to Company editing, cropping, altering or combining your Recordings with other material without further approval from you.'],
  [['retention_unspecified'], 'We keep recordings for as long as necessary for our purposes, and backup copies for up to 30 days.'],
  [['retention_unspecified'], 'Personal data is kept for the duration of our business relationship and thereafter as required.'],
  [['likeness_voice_biometric'], 'We may create a digital replica of your voice and appearance for use in our products.'],
  [['sale_or_transfer'], 'Footage you submit may be licensed to third-party AI developers.'],
  [['pay_discretion'], 'If you stop participating before the project ends, you forfeit any payment for that project.'],
  [['no_appeal_or_dispute'], "The Company's decision on payment disputes is final."],
  [['likeness_voice_biometric'], 'We capture your hand movements, gait and body shape from the videos you submit.'],
  [['any_purpose_reuse'], 'You grant the Company an unrestricted, royalty-free licence to use the Recordings.'],
  [['no_deletion'], 'Data that has already been included in a training dataset cannot be removed from models trained on it.'],
  [['worldwide_sublicensable'], 'We may provide your recordings to the companies that commissioned the project.'],
  [['unilateral_changes'], 'We may update this Privacy Policy from time to time; the updated version is effective when posted.'],
  [['perpetual_licence', 'worldwide_sublicensable'], 'You grant us a perpetual, irrevocable, worldwide, sublicensable licence to your Content, and you agree that you will not assert any moral rights in it.'],
  [['perpetual_licence'], 'The Company grants you access to the platform, and you grant the Company a perpetual licence to your recordings.'],
  [['sale_or_transfer'], 'We may share your data with our partners without your consent.'],
  [['sale_or_transfer'], 'We may transfer your recordings to our customers in other countries.'],
  [['sale_or_transfer'], "We don't sell your data to third parties; we share it with our affiliates and partners for marketing."],
  [['retention_unspecified'], 'We store your recordings securely for as long as necessary.'],
  [['unilateral_changes'], 'You may update your profile at any time, and we may change these Terms and the pay rates at any time.'],
  [['any_purpose_reuse'], 'We may use your recordings, ratings and suggestions for any purpose.'],
  [['any_purpose_reuse', 'perpetual_licence'], 'You may not use the Service unlawfully, and you grant us an irrevocable licence to use your recordings for any purpose.'],
  [['no_deletion'], 'We may keep your recordings after your account is deleted, for 7 years.'],
  [['retention_unspecified'], 'Recordings are retained for as long as needed; logs are kept for 12 months.'],
  [['pay_discretion'], 'Payment is made at the sole discretion of the Company.'],
  [['indemnity'], 'You agree to defend the Company against any claim arising from your recordings and to pay any resulting damages.'],
];

const SHOULD_NOT: Array<[RedFlagId[], string]> = [
  [['sale_or_transfer', 'any_purpose_reuse', 'likeness_voice_biometric'], 'We will never sell your voice recordings or use them to train models other than the one described in the project brief.'],
  [['any_purpose_reuse'], 'We do not use your recordings to train artificial intelligence models.'],
  [['unilateral_changes'], "We will give you at least 30 days' notice by email before any change to these Terms takes effect, and changes will not apply retroactively."],
  [['indemnity'], "Company will indemnify and hold you harmless from any third-party claims arising from Company's use of the Recordings."],
  [['any_purpose_reuse'], 'You are free to use your own recordings for any purpose, including posting them on your own channels.'],
  [['confidentiality_gag'], 'Your payment information is kept confidential and stored securely.'],
  [['confidentiality_gag'], 'We use industry-standard encryption to keep your recordings confidential.'],
  [['likeness_voice_biometric'], 'We do not sell, rent or share your biometric information.'],
  [['likeness_voice_biometric'], 'You must obtain written consent from any person whose likeness or voice appears in your recordings.'],
  [['pay_discretion'], 'We will pay you within 30 days of approval; we will tell you the reason for any rejection and you may ask for a review.'],
  [['pay_discretion'], 'Payment will not be withheld for reasons outside your control, such as a platform outage.'],
  [['pay_discretion'], 'Payment for all approved clips is guaranteed, even if the project is cancelled.'],
  [['unilateral_changes'], 'We will notify you of any change to the pay rate at least 14 days before it applies, and it never applies to work already submitted.'],
  [['confidentiality_gag'], 'Nothing in these Terms prevents you from discussing your wages or working conditions with others.'],
  [['no_deletion', 'retention_unspecified'], 'You may delete your recordings at any time, and we will remove them from our servers within 30 days.'],
  [['sale_or_transfer'], 'Your recordings will not be shared with third parties without your explicit consent.'],
  [['perpetual_licence', 'no_deletion'], 'The licence you grant ends automatically when you delete your content or close your account.'],
  [['no_appeal_or_dispute'], 'You may opt out of arbitration within 30 days, and you can always bring a claim in small claims court.'],
  [['perpetual_licence', 'retention_unspecified'], 'You retain all ownership rights in your Content, and we keep it only while your account is open.'],
  [['no_appeal_or_dispute'], 'You will not be required to arbitrate any claim, and you may go to court where you live.'],
  [['sale_or_transfer', 'worldwide_sublicensable'], 'We do not share your recordings with advertisers, except as described in this policy.'],
  [['likeness_voice_biometric', 'any_purpose_reuse'], 'Your face will be blurred before any footage is used to train our models.'],
  [['perpetual_licence'], 'Either party may terminate this Agreement at any time; nothing in it grants the Company any perpetual rights.'],
  [['retention_unspecified'], 'We will be retained by the client only for the duration of the project.'],
  [['worldwide_sublicensable', 'perpetual_licence'], 'Company grants you a worldwide, non-exclusive, revocable licence to use the app.'],
  [['sale_or_transfer'], 'We will not sell or share your data, but we may disclose it if a court orders us to.'],
];

/** Sentences with no red flag at all. */
const HARMLESS: string[] = [
  'We will update you by email on the status of each payment.',
  'Your earnings are paid weekly via PayPal; PayPal fees are deducted from the amount you receive.',
  'If a payment fails, we will retry it and it will not be cancelled.',
  'Our support team can help you change your payout method or update your tax information.',
  'Participants can withdraw at any time; recordings of participants who withdraw are deleted within 14 days.',
  'We use your voice recordings only for the speech recognition project described in the consent form.',
  'We store your data on servers located in the European Union.',
  'You can request a copy of your data, correct it, or ask us to delete it.',
  'Disputes are heard by the courts of your country of residence.',
  'We will never share your face images with advertisers.',
];

describe('red flags on clauses the rules were not written from', () => {
  it.each(SHOULD_FLAG)('finds %j in: %s', (rules, text) => {
    for (const rule of rules) expect(rulesIn(text)).toContain(rule);
  });
  it.each(SHOULD_NOT)('finds none of %j in: %s', (rules, text) => {
    for (const rule of rules) expect(rulesIn(text)).not.toContain(rule);
  });
  it.each(HARMLESS)('finds nothing in: %s', (text) => {
    expect(rulesIn(text)).toEqual([]);
  });
});
