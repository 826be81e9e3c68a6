/**
 * The consent questions to settle with a platform before recording for it, from the guides this product grew
 * from: who owns the footage, whether it can be deleted, whether a face or voice trains models, whether it is
 * sold, how long it is kept, when pay comes, how a rejection is appealed. Each is asked so that "yes" is the safe
 * answer, and carries the polite wording for a message to the platform. Pure data and decisions.
 */
import type { RedFlagId } from './redFlags.std';

export const CONSENT_QUESTION_IDS = ['ownership', 'deletion', 'training', 'sale', 'retention', 'pay_timing', 'appeal', 'changes', 'speaking', 'liability'] as const;
export type ConsentQuestionId = (typeof CONSENT_QUESTION_IDS)[number];

export type ConsentQuestion = {
  id: ConsentQuestionId;
  /** For the checklist: "yes" is the answer that protects the worker. */
  check: string;
  /** For the message to the platform. */
  ask: string;
  /** Red flags in the terms that make this question urgent. */
  flags: readonly RedFlagId[];
};

export const CONSENT_QUESTIONS: readonly ConsentQuestion[] = [
  {
    id: 'ownership',
    check: 'Do I keep rights over my recordings, or get them back when I stop?',
    ask: 'Who owns the recordings I submit, and does any right come back to me when I stop working with you?',
    flags: ['perpetual_licence', 'moral_rights_waiver'],
  },
  {
    id: 'deletion',
    check: 'Can I have my recordings and data deleted when I ask?',
    ask: 'If I ask, will my recordings and personal data be deleted, including copies already given to others? How do I ask?',
    flags: ['no_deletion'],
  },
  {
    id: 'training',
    check: 'Are my face and voice used only for the project I was told about?',
    ask: 'What exactly will my recordings be used for? Will my face or voice train other models, or models that recognise or imitate people?',
    flags: ['any_purpose_reuse', 'likeness_voice_biometric'],
  },
  {
    id: 'sale',
    check: 'Do my recordings stay with this platform (not sold or passed on)?',
    ask: 'Will my recordings or data be sold, licensed or passed to other companies (customers, partners, a buyer of your company)?',
    flags: ['sale_or_transfer', 'worldwide_sublicensable'],
  },
  {
    id: 'retention',
    check: 'Is there a date by which my recordings are deleted?',
    ask: 'How long do you keep my recordings and personal data, and when are they deleted?',
    flags: ['retention_unspecified'],
  },
  {
    id: 'pay_timing',
    check: 'Is payment promised by a set date after approval?',
    ask: 'How many days after approval am I paid, and what makes a payment held back?',
    flags: ['pay_discretion'],
  },
  {
    id: 'appeal',
    check: 'Do I see the reason for a rejection, and can I appeal it?',
    ask: 'When a clip is rejected, do I see the reason, and how do I appeal? Who decides?',
    flags: ['no_appeal_or_dispute'],
  },
  {
    id: 'changes',
    check: 'Am I told in advance before the terms or the rates change?',
    ask: 'How much notice do you give before changing the terms or the rates, and do changes apply to work I have already done?',
    flags: ['unilateral_changes'],
  },
  {
    id: 'speaking',
    check: 'May I talk about my pay and conditions with others?',
    ask: 'May I tell other workers or a workers’ organisation what I am paid and how the work is run?',
    flags: ['confidentiality_gag'],
  },
  {
    id: 'liability',
    check: 'Is there a limit on what I could owe you if something goes wrong?',
    ask: 'If someone makes a claim about a recording, is there a limit on what I could owe you?',
    flags: ['indemnity'],
  },
];

export function consentQuestion(id: ConsentQuestionId): ConsentQuestion {
  return CONSENT_QUESTIONS.find((question) => question.id === id)!;
}

/** A question is open until the platform has answered it clearly, yes or no. */
export type ConsentRecord = { answer: 'yes' | 'no' | 'unclear'; platformWords?: string; reply?: { name: string; sha256: string }; answeredOn: string };

export function isOpen(record: ConsentRecord | undefined): boolean {
  return !record || record.answer === 'unclear';
}

/**
 * One polite message with every open question, the ones the terms raise red flags about first, for the worker
 * to copy into the platform's support channel. Undefined when nothing is open.
 */
export function askThePlatform(platform: string, answers: Partial<Record<ConsentQuestionId, ConsentRecord>>, flagged: ReadonlySet<RedFlagId>): string | undefined {
  const open = CONSENT_QUESTIONS.filter((question) => isOpen(answers[question.id]));
  if (open.length === 0) return undefined;
  const raised = (question: ConsentQuestion) => question.flags.some((flag) => flagged.has(flag));
  const ordered = [...open.filter(raised), ...open.filter((question) => !raised(question))];
  return [
    `Hello ${platform} team,`,
    '',
    'Before I record (more) work for you, I would like to understand a few points about how my recordings and pay are handled:',
    '',
    ...ordered.map((question, index) => `${index + 1}. ${question.ask}`),
    '',
    'A written answer, or a link to where your terms say this, would help me a lot. Thank you.',
  ].join('\n');
}
