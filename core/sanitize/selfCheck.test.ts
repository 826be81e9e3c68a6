import { describe, expect, it } from 'vitest';
import { firstOfEach, selfCheckVerdict } from './selfCheck.std';

const facts = { framesChecked: 20, detailFramesChecked: 300, hiddenRegions: 3, worstDetailKept: 0.031, stillVisible: [] };

describe('selfCheckVerdict', () => {
  it('passes with nothing found, and says how much was checked', () => {
    const report = selfCheckVerdict({ ...facts, findings: [] });
    expect(report.passed).toBe(true);
    expect(report.summary).toBe(
      'Self-check: nothing readable or recognisable in the 3 hidden regions. The detectors looked again at 20 frames of the copy, and the fine detail was measured in all 300 frames with something hidden: at most 3 % of it is left.',
    );
    // Under half a percent left reads as less than one, not "at most 0 %"; one frame measured, as one.
    expect(selfCheckVerdict({ ...facts, detailFramesChecked: 1, worstDetailKept: 0.004, findings: [] }).summary).toMatch(/measured in the 1 frame with something hidden: less than 1 % of it is left\.$/);
  });

  it('says so when nothing was hidden, not "nothing readable in the 0 hidden regions"', () => {
    const report = selfCheckVerdict({ ...facts, hiddenRegions: 0, detailFramesChecked: 0, worstDetailKept: 0, findings: [] });
    expect(report.passed).toBe(true);
    expect(report.summary).toBe('Self-check: nothing was hidden in this copy, so no hidden region needed checking. The detectors looked again at 20 frames of the copy.');
  });

  it('speaks of a photo as one picture, not of its frames', () => {
    const photo = { ...facts, framesChecked: 1, detailFramesChecked: 1, findings: [] };
    expect(selfCheckVerdict(photo, { photo: true }).summary).toBe('Self-check: nothing readable or recognisable in the 3 hidden regions. The detectors looked at the copy again; at most 3 % of the fine detail is left.');
    expect(selfCheckVerdict({ ...photo, hiddenRegions: 0 }, { photo: true }).summary).toBe('Self-check: nothing was hidden in this photo, so no hidden region needed checking. The detectors looked at the copy again.');
  });

  it('fails on any finding, in its own words', () => {
    const report = selfCheckVerdict({ ...facts, findings: [{ kind: 'text', trackId: 2, atSeconds: 1.5, detail: 'OCR still reads “Dear Ana” in readable text at 1.5 s.' }] });
    expect(report.passed).toBe(false);
    expect(report.summary).toContain('Dear Ana');
  });
});

describe('one line per thing', () => {
  it('keeps the first finding of each kind per track, and the first sighting per label and place', () => {
    expect(
      firstOfEach(
        [
          { kind: 'face', trackId: 1, atSeconds: 1 },
          { kind: 'face', trackId: 1, atSeconds: 2 },
          { kind: 'detail', trackId: 1, atSeconds: 2 },
        ],
        (item) => `${item.trackId}:${item.kind}`,
      ).map((item) => item.atSeconds),
    ).toEqual([1, 2]);
    expect(
      firstOfEach(
        [
          { label: 'Writing', atSeconds: 0, where: 'top left' },
          { label: 'Writing', atSeconds: 2, where: 'top left' },
          { label: 'Writing', atSeconds: 4, where: 'bottom right' },
        ],
        (item) => `${item.label}:${item.where}`,
      ).map((item) => item.atSeconds),
    ).toEqual([0, 4]);
  });
});
