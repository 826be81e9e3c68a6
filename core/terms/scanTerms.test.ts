import { describe, expect, it } from 'vitest';
import { rateTerms, termsVerdict } from './rating.std';
import type { RedFlagId } from './redFlags.std';
import { scanTerms } from './scanTerms.std';
import { splitSentences } from './sentences.std';

const rulesIn = (text: string): RedFlagId[] => [...new Set(scanTerms(text).map((flag) => flag.rule))];

describe('splitSentences', () => {
  it('keeps abbreviations, list items and headings apart, with offsets into the text', () => {
    const text = '## Licence\n\nYou grant us rights, e.g. to copy. We may sell Inc. assets.\n- First item\n- Second item\n';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Licence', 'You grant us rights, e.g. to copy.', 'We may sell Inc. assets.', 'First item', 'Second item']);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('joins a paragraph broken over lines, as text read from a PDF is', () => {
    const sentences = splitSentences('You hereby grant us a\nperpetual licence to\nyour recordings.\n');
    expect(sentences).toHaveLength(1);
    expect(sentences[0]!.text).toBe('You hereby grant us a perpetual licence to your recordings.');
  });
});

// Phrasings of each right that are not in the labelled corpus: the rules must hold on agreements they were not
// written from.
describe('scanTerms finds the idea, not the labelled words', () => {
  it.each<[RedFlagId, string]>([
    ['perpetual_licence', 'The Contributor hereby assigns to the Company all right, title and interest in the Recordings.'],
    ['perpetual_licence', 'Such rights shall be granted in perpetuity and shall survive any termination.'],
    ['perpetual_licence', 'All Deliverables shall be deemed works made for hire.'],
    ['worldwide_sublicensable', 'The Company and its successors and assigns may use the footage under the licence granted here.'],
    ['worldwide_sublicensable', 'We may license your Submissions to our customers and research partners.'],
    ['any_purpose_reuse', 'Your videos may be used for any purpose whatsoever.'],
    ['any_purpose_reuse', 'Data you provide may be used to train and improve our other artificial intelligence models and products.'],
    ['any_purpose_reuse', 'We may use the recordings in any media now known or hereafter devised.'],
    ['likeness_voice_biometric', 'You consent to the collection of your facial geometry and voiceprint.'],
    ['likeness_voice_biometric', 'We may use your name and likeness in promotional materials.'],
    ['no_deletion', 'Submitted videos cannot be withdrawn once they have been approved.'],
    ['no_deletion', 'This licence survives the termination of your account.'],
    ['sale_or_transfer', 'In the event of a merger or acquisition, your data may be transferred to the acquirer.'],
    ['sale_or_transfer', 'We may disclose your personal information to our affiliates and advertising partners.'],
    ['unilateral_changes', 'We reserve the right to amend these Terms at any time without notice.'],
    ['unilateral_changes', 'Your continued participation after any update means you accept the revised rates.'],
    ['pay_discretion', 'Approval of Tasks is at our sole discretion.'],
    ['pay_discretion', 'We may withhold payment for any submission that does not meet our quality standards.'],
    ['no_appeal_or_dispute', 'All decisions regarding rejected work are final and binding.'],
    ['no_appeal_or_dispute', 'Any dispute shall be resolved exclusively by binding arbitration, and you waive any right to a jury trial.'],
    ['confidentiality_gag', 'You must not disclose your rates or task details to any third party.'],
    ['indemnity', 'You shall defend and hold the Company harmless against any claim arising from your content.'],
    ['moral_rights_waiver', 'You agree not to assert any moral rights in the Recordings.'],
    ['retention_unspecified', 'We retain recordings for as long as necessary for our business purposes.'],
  ])('%s: %s', (rule, sentence) => {
    expect(rulesIn(sentence)).toContain(rule);
  });
});

describe('scanTerms leaves counter-clauses alone', () => {
  it.each<[RedFlagId, string]>([
    ['sale_or_transfer', 'We do not sell your personal information.'],
    ['sale_or_transfer', 'Your data is stored on servers in another country.'],
    // The worker's own duty of confidentiality, not a right to pass their work on.
    ['sale_or_transfer', 'The obligation of confidentiality does not apply if the information is or becomes publicly available through no fault of the author.'],
    ['sale_or_transfer', 'The author agrees to keep all business secrets that he or she comes across in the work for the company confidential and not to disclose them to third parties.'],
    ['perpetual_licence', 'This licence ends when you delete your content from our systems.'],
    ['perpetual_licence', 'You may not assign or transfer any rights or obligations under this agreement.'],
    ['perpetual_licence', 'Any feedback you send may be used under a perpetual, irrevocable licence.'],
    ['worldwide_sublicensable', 'You are granted a limited, non-transferable, non-sublicensable licence to use the app.'],
    ['confidentiality_gag', 'Keep your password confidential and do not share it with anyone.'],
    ['retention_unspecified', 'We keep recordings for 90 days and then delete them.'],
    ['indemnity', 'We will indemnify you against claims that our software infringes a patent.'],
  ])('no %s in: %s', (rule, sentence) => {
    expect(rulesIn(sentence)).not.toContain(rule);
  });
});

describe('a flag', () => {
  it('quotes the sentence with its place, and the next one when it goes on with the same thought', () => {
    const text = 'Welcome.\n\nYou grant us a perpetual licence to your videos. This means it continues after you leave. Thank you.';
    const [flag] = scanTerms(text).filter((found) => found.rule === 'perpetual_licence');
    expect(flag!.quote).toBe('You grant us a perpetual licence to your videos. This means it continues after you leave.');
    expect(text.slice(flag!.start, flag!.end)).toBe(flag!.quote);
  });
});

describe('rating a document on the six factors', () => {
  it('rates a factor higher risk with the clause titles as its reason, and unknown when none is found (no proof)', () => {
    const flags = scanTerms('You shall indemnify and hold us harmless. We may change these terms at any time without notice.');
    const ratings = rateTerms(flags);
    expect(ratings.find((one) => one.factor === 'worker protections')).toMatchObject({ rating: 'higher risk', reason: expect.stringMatching(/legal costs/) });
    expect(ratings.find((one) => one.factor === 'platform trust')).toMatchObject({ rating: 'higher risk' });
    expect(ratings.find((one) => one.factor === 'data consent')).toMatchObject({ rating: 'unknown', reason: expect.stringMatching(/^No red flag found for: .*SafeTake can miss a clause/) });
    expect(rateTerms(undefined).every((one) => one.rating === 'unknown')).toBe(true);
    expect(rateTerms([]).some((one) => one.rating === 'lower risk')).toBe(false);
    expect(termsVerdict(flags)).toEqual({ rating: 'higher risk', kinds: 2 });
    expect(termsVerdict([])).toEqual({ rating: 'no red flag found', kinds: 0 });
  });
});

describe('a paragraph cut by a page break', () => {
  it('is read as one sentence when the next page goes on in lower case', () => {
    const sentences = splitSentences('You waive all moral or other\n\nproprietary rights in that work product.\n\nNew page starts here.');
    expect(sentences.map((sentence) => sentence.text)).toEqual(['You waive all moral or other\n\nproprietary rights in that work product.'.replace(/\s+/g, ' '), 'New page starts here.']);
  });
});
