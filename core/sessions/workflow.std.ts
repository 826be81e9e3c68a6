/**
 * The way through a session, from starting it to the platform's decision: which steps are done and which one
 * comes next. Home shows it; every step can also be taken on its own from its area.
 */
import { type RiskCategory, riskName } from '../corner/risks.std';
import { t } from '../i18n/i18n.std';

export const WORKFLOW_STEPS = ['start', 'check', 'record', 'clean', 'upload', 'end', 'decide'] as const;
export type WorkflowStepId = (typeof WORKFLOW_STEPS)[number];

/** What the steps are judged from: a session as the log tells it (the contract's session view). */
export type WorkflowSession = {
  ended: boolean;
  cornerChecks: ReadonlyArray<{ verdict: string }>;
  phaseSeconds: Readonly<Record<string, number>>;
  openPhases: ReadonlyArray<{ phase: string }>;
  clips: ReadonlyArray<{ sanitized?: unknown; outcome?: { outcome: string } }>;
};

/**
 * Whether a session's clean copies keep the worker's own face (the largest) visible: in its last corner check
 * that looked, the worker said of a face in view "It's me: keep my face in clean copies". Nothing less says so: a face
 * accepted for the session may be anyone's.
 */
export type KeepsOwnFaceSession = { cornerChecks: ReadonlyArray<{ verdict: string; keepOwnFace?: boolean }> };
export function keepsOwnFace(session: KeepsOwnFaceSession | undefined): boolean {
  // A check closed while it was looking said nothing of any face: the one before it still holds.
  return session?.cornerChecks.findLast(checkLooked)?.keepOwnFace === true;
}

/**
 * Whether a corner check looked: its detectors had their say ("clear" or "risks"). A check left while it was
 * still looking (opened in passing, as arrow keys do across the tabs) is logged as it stood, with its setup
 * time, but checked nothing.
 */
export function checkLooked(check: { verdict: string }): boolean {
  return check.verdict !== 'checking';
}

/**
 * What the session's corner checks leave to say before a take, in words; empty when the last check looked and
 * left nothing open (clear, or every flag accepted or marked to blur).
 */
export function takeWarnings(cornerChecks: ReadonlyArray<{ verdict: string; open: readonly RiskCategory[] }>): string[] {
  const last = cornerChecks.at(-1);
  if (!last) return [t('sessions.active.noCornerCheck')];
  if (!checkLooked(last)) return [t('sessions.active.cornerUnfinished')];
  if (last.open.length > 0) return [t('sessions.active.cornerLeftOpen', { risks: last.open.map(riskName).join(', ') })];
  return [];
}

/** `skipped`: not done, and not asked for any more (a later step is done, or the session has ended). */
export type WorkflowStep = { id: WorkflowStepId; done: boolean; skipped: boolean };

/** Each step, whether it is done, and whether it was passed by without (`session` undefined: none is running). */
export function workflowSteps(session: WorkflowSession | undefined): WorkflowStep[] {
  const clips = session?.clips ?? [];
  const ended = session?.ended ?? false;
  const done: Record<WorkflowStepId, boolean> = {
    start: session !== undefined,
    check: session?.cornerChecks.some(checkLooked) ?? false,
    record: clips.length > 0,
    clean: clips.length > 0 && clips.every((clip) => clip.sanitized !== undefined),
    // Done once timed and stopped: while it runs, the main button is the one that stops it.
    upload: (session?.phaseSeconds.uploading ?? 0) > 0 && !session?.openPhases.some((phase) => phase.phase === 'uploading'),
    end: ended,
    decide: clips.length > 0 && clips.every((clip) => clip.outcome !== undefined && clip.outcome.outcome !== 'pending'),
  };
  // Optional steps are passed by: the check once a take is in (asking for it then would block the way on),
  // the timed upload once the session has ended. Cleaning is never passed by: it is what keeps the worker safe.
  const skipped: Partial<Record<WorkflowStepId, boolean>> = { check: done.record, upload: ended };
  return WORKFLOW_STEPS.map((id) => ({ id, done: done[id], skipped: !done[id] && (skipped[id] ?? false) }));
}

/**
 * The step to offer as the main button: the first one neither done nor passed by. A session ends when the
 * worker says so, so "end" comes once recording and cleaning are done; the decisions wait for the end.
 */
export function nextStep(session: WorkflowSession | undefined): WorkflowStepId | undefined {
  return workflowSteps(session).find((step) => !step.done && !step.skipped)?.id;
}

/**
 * The session Home follows: the running one, else the latest ended one that still waits for a decision on a
 * clip; none when the last session is settled (Home then offers a new one).
 */
export function currentSession<T extends WorkflowSession>(active: T | undefined, recent: readonly T[]): T | undefined {
  if (active) return active;
  const latest = recent[0];
  return latest && !workflowSteps(latest).find((step) => step.id === 'decide')?.done && latest.clips.length > 0 ? latest : undefined;
}
