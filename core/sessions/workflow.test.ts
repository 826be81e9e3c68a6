import { describe, expect, it } from 'vitest';
import { currentSession, keepsOwnFace, nextStep, takeWarnings, workflowSteps, type WorkflowSession } from './workflow.std';

const fresh: WorkflowSession = { ended: false, cornerChecks: [], phaseSeconds: {}, openPhases: [], clips: [] };

describe('the way through a session', () => {
  it('starts with a session, then the check, then a take', () => {
    expect(nextStep(undefined)).toBe('start');
    expect(nextStep(fresh)).toBe('check');
    expect(nextStep({ ...fresh, cornerChecks: [{ verdict: 'clear' }] })).toBe('record');
    expect(nextStep({ ...fresh, cornerChecks: [{ verdict: 'risks' }] })).toBe('record');
  });

  it('does not count a check closed while it was still looking, and says so before a take', () => {
    // Arrow keys across the tabs open Check corner for a moment: that check is logged as it stood.
    expect(nextStep({ ...fresh, cornerChecks: [{ verdict: 'checking' }] })).toBe('check');
    expect(nextStep({ ...fresh, cornerChecks: [{ verdict: 'clear' }, { verdict: 'checking' }] })).toBe('record');
    expect(takeWarnings([])).toEqual(['You have not checked your corner in this session.']);
    expect(takeWarnings([{ verdict: 'clear', open: [] }, { verdict: 'checking', open: [] }])).toEqual(['Your last check was closed before it finished looking.']);
    expect(takeWarnings([{ verdict: 'risks', open: ['document'] }])).toEqual([expect.stringMatching(/^Your last check left open: /)]);
    expect(takeWarnings([{ verdict: 'risks', open: [] }])).toEqual([]);
  });

  it('asks for clean copies until every clip has one, then the upload, the end and the decisions', () => {
    const checked = { ...fresh, cornerChecks: [{ verdict: 'clear' }] };
    expect(nextStep({ ...checked, clips: [{ sanitized: {} }, {}] })).toBe('clean');
    const cleaned = { ...checked, clips: [{ sanitized: {} }, { sanitized: {} }] };
    expect(nextStep(cleaned)).toBe('upload');
    expect(nextStep({ ...cleaned, phaseSeconds: { uploading: 4 }, openPhases: [{ phase: 'uploading' }] })).toBe('upload');
    expect(nextStep({ ...cleaned, phaseSeconds: { uploading: 4 } })).toBe('end');
    const ended = { ...cleaned, phaseSeconds: { uploading: 4 }, ended: true };
    expect(nextStep(ended)).toBe('decide');
    expect(nextStep({ ...ended, clips: [{ sanitized: {}, outcome: { outcome: 'approved' } }, { sanitized: {}, outcome: { outcome: 'pending' } }] })).toBe('decide');
    expect(nextStep({ ...ended, clips: [{ sanitized: {}, outcome: { outcome: 'approved' } }, { sanitized: {}, outcome: { outcome: 'rejected' } }] })).toBeUndefined();
  });

  it('ticks what is done even out of order, and passes the check by once a clip is in', () => {
    const steps = workflowSteps({ ...fresh, clips: [{ sanitized: {} }] });
    expect(steps.filter((step) => step.done).map((step) => step.id)).toEqual(['start', 'record', 'clean']);
    expect(steps.filter((step) => step.skipped).map((step) => step.id)).toEqual(['check']);
    expect(nextStep({ ...fresh, clips: [{ sanitized: {} }] })).toBe('upload');
    // Cleaning is never passed by.
    expect(nextStep({ ...fresh, clips: [{}], phaseSeconds: { uploading: 3 } })).toBe('clean');
  });

  it('offers only what can still be done once the session has ended: clean copies, then decisions', () => {
    const ended = { ...fresh, ended: true, clips: [{}] };
    expect(nextStep(ended)).toBe('clean');
    expect(workflowSteps(ended).filter((step) => step.skipped).map((step) => step.id)).toEqual(['check', 'upload']);
    expect(nextStep({ ...ended, clips: [{ sanitized: {} }] })).toBe('decide');
  });

  it('follows the running session, else the last ended one still waiting for a decision', () => {
    const waiting = { ...fresh, ended: true, clips: [{ outcome: { outcome: 'pending' } }] };
    const settled = { ...fresh, ended: true, clips: [{ outcome: { outcome: 'approved' } }] };
    expect(currentSession(fresh, [waiting])).toBe(fresh);
    expect(currentSession(undefined, [waiting, settled])).toBe(waiting);
    expect(currentSession(undefined, [settled, waiting])).toBeUndefined();
    expect(currentSession(undefined, [{ ...fresh, ended: true }])).toBeUndefined();
    expect(currentSession(undefined, [])).toBeUndefined();
  });

  it('keeps the worker\'s own face in the clean copies when the last check accepted a face in view', () => {
    expect(keepsOwnFace(undefined)).toBe(false);
    expect(keepsOwnFace({ cornerChecks: [] })).toBe(false);
    // Logged before the check said: nothing is kept.
    expect(keepsOwnFace({ cornerChecks: [{ verdict: 'clear' }] })).toBe(false);
    expect(keepsOwnFace({ cornerChecks: [{ verdict: 'clear', keepOwnFace: true }] })).toBe(true);
    // A check opened in passing after it changes nothing.
    expect(keepsOwnFace({ cornerChecks: [{ verdict: 'clear', keepOwnFace: true }, { verdict: 'checking', keepOwnFace: false }] })).toBe(true);
    // A later check in which the face was marked to blur, or not there, decides.
    expect(keepsOwnFace({ cornerChecks: [{ verdict: 'clear', keepOwnFace: true }, { verdict: 'risks', keepOwnFace: false }] })).toBe(false);
  });
});
