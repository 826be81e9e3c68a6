/**
 * The consent questions to settle with a platform before recording for it, from the guides this product grew
 * from: who owns the footage, whether it can be deleted, whether a face or voice trains models, whether it is
 * sold, how long it is kept, when pay comes, how a rejection is appealed. Each is asked so that "yes" is the safe
 * answer, and carries the polite wording for a message to the platform (both in the catalogue, by question id).
 * Pure data and decisions.
 */
import { t } from '../i18n/i18n.std';
import type { RedFlagId } from './redFlags.std';

export const CONSENT_QUESTION_IDS = ['ownership', 'deletion', 'training', 'sale', 'retention', 'pay_timing', 'appeal', 'changes', 'speaking', 'liability'] as const;
export type ConsentQuestionId = (typeof CONSENT_QUESTION_IDS)[number];

export type ConsentQuestion = {
  id: ConsentQuestionId;
  /** Red flags in the terms that make this question urgent. */
  flags: readonly RedFlagId[];
};

export const CONSENT_QUESTIONS: readonly ConsentQuestion[] = [
  { id: 'ownership', flags: ['perpetual_licence', 'moral_rights_waiver'] },
  { id: 'deletion', flags: ['no_deletion'] },
  { id: 'training', flags: ['any_purpose_reuse', 'likeness_voice_biometric'] },
  { id: 'sale', flags: ['sale_or_transfer', 'worldwide_sublicensable'] },
  { id: 'retention', flags: ['retention_unspecified'] },
  { id: 'pay_timing', flags: ['pay_discretion'] },
  { id: 'appeal', flags: ['no_appeal_or_dispute'] },
  { id: 'changes', flags: ['unilateral_changes'] },
  { id: 'speaking', flags: ['confidentiality_gag'] },
  { id: 'liability', flags: ['indemnity'] },
];

/** A consent question's words, in the current language. */
export type ConsentWords = {
  /** For the checklist: "yes" is the answer that protects the worker. */
  check: string;
  /** For the message to the platform. */
  ask: string;
};

/** The question `id` with its words, looked up now: the language can change while the app runs. */
export function consentQuestion(id: ConsentQuestionId): ConsentQuestion & ConsentWords {
  const question = CONSENT_QUESTIONS.find((candidate) => candidate.id === id)!;
  return { ...question, check: t(`consent.question.${id}.check`), ask: t(`consent.question.${id}.ask`) };
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
    t('consent.message.greeting', { platform }),
    '',
    t('consent.message.intro'),
    '',
    ...ordered.map((question, index) => t('consent.message.question', { number: index + 1, question: consentQuestion(question.id).ask })),
    '',
    t('consent.message.closing'),
  ].join('\n');
}
