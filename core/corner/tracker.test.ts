import { describe, expect, it } from 'vitest';
import { RISK_SOURCES, assessFrame, type Risk } from './risks.std';
import { CLEAR_VERDICT_MS, HYSTERESIS, acceptRisk, mergeLookedAt, newTracker, trackRun, verdictOf, visibleRisks, type TrackerState } from './tracker.std';

const phone = (x = 20): Risk[] => assessFrame({ width: 640, height: 480, objects: [{ label: 'cell phone', score: 0.6, box: { x, y: 380, w: 60, h: 80 } }] });
const face = (): Risk[] => assessFrame({ width: 640, height: 480, faces: [{ score: 0.9, box: { x: 260, y: 150, w: 140, h: 150 } }] });

/** Runs every detector `times` times, 100 ms apart, each seeing `risks`. */
function run(state: TrackerState, risks: Risk[], times: number, start: number): { state: TrackerState; now: number } {
  let now = start;
  for (let i = 0; i < times; i += 1) {
    now += 100;
    for (const source of RISK_SOURCES) state = trackRun(state, source, risks, now);
  }
  return { state, now };
}

describe('quotes', () => {
  // Three lines of a page, and what OCR read on them.
  const page = [0, 1, 2].map((row) => ({ box: { x: 40, y: 220 + 24 * row, w: 200, h: 14 }, score: 0.9, thickness: 12 }));
  const read = [{ text: 'Call Ada Lovelace on 020 7946 0018', confidence: 90, box: { x: 44, y: 222, w: 190, h: 12 } }];

  it('puts what a reading read on the flag of the writing it was read from at once, without counting a run of it', () => {
    let state = newTracker(0);
    for (let i = 1; i <= HYSTERESIS.writing.appearAfter; i += 1) state = trackRun(state, 'writing', assessFrame({ width: 640, height: 480, writing: page }), i * 400);
    const [unread] = visibleRisks(state);
    expect(unread).toMatchObject({ label: 'Writing (papers, signs, labels)', severity: 'medium' });
    expect(unread!.text).toBeUndefined();

    state = trackRun(state, 'text', assessFrame({ width: 640, height: 480, writing: page, lines: read }), 2000);
    const [quoted] = visibleRisks(state);
    expect(quoted).toMatchObject({ id: unread!.id, label: 'Readable text (phone number)', severity: 'high', text: read[0]!.text, details: ['phone number'], hits: unread!.hits });
  });
});

describe('the list of flags', () => {
  it('tells apart flags of one kind in one part of the frame, by the flags it shows', () => {
    const phones = [...phone(20), ...phone(140)];
    expect(phones.map((risk) => risk.where)).toEqual(['bottom left', 'bottom left']);
    const { state } = run(newTracker(0), phones, HYSTERESIS.objects.appearAfter, 0);
    expect(visibleRisks(state).map((risk) => [risk.where, risk.guidance.includes(risk.where)])).toEqual([
      ['bottom left, 1 of 2 from the left', true],
      ['bottom left, 2 of 2 from the left', true],
    ]);
    // One of them gone from the list: the other is the only one there, and says so no more.
    const { state: later } = run(state, phone(20), HYSTERESIS.objects.clearAfter + 1, 10_000);
    expect(visibleRisks(later).map((risk) => risk.where)).toEqual(['bottom left']);
  });
});

describe('stable flags', () => {
  it('shows a risk only after it persists, and clears it only after it has been gone for several runs', () => {
    let state = newTracker(0);
    const { appearAfter, clearAfter } = HYSTERESIS.objects;
    for (let i = 1; i < appearAfter; i += 1) state = trackRun(state, 'objects', phone(), i * 300);
    expect(visibleRisks(state)).toEqual([]);
    state = trackRun(state, 'objects', phone(24), appearAfter * 300);
    expect(visibleRisks(state).map((risk) => risk.label)).toEqual(['Phone']);
    for (let i = 1; i < clearAfter; i += 1) state = trackRun(state, 'objects', [], 1000 + i * 300);
    expect(visibleRisks(state)).toHaveLength(1);
    state = trackRun(state, 'objects', [], 5000);
    expect(visibleRisks(state)).toEqual([]);
  });

  it('does not flag a one-frame flicker', () => {
    let state = newTracker(0);
    for (let i = 0; i < 10; i += 1) state = trackRun(state, 'faces', i % 2 === 0 ? face() : [], i * 100);
    expect(visibleRisks(state)).toEqual([]);
  });

  it('counts each detector at its own cadence: face runs do not clear an object flag', () => {
    let state = newTracker(0);
    state = trackRun(trackRun(state, 'objects', phone(), 100), 'objects', phone(), 400);
    for (let i = 0; i < 20; i += 1) state = trackRun(state, 'faces', [], 400 + i * 100);
    expect(visibleRisks(state).map((risk) => risk.label)).toEqual(['Phone']);
  });

  it('leaves tracks outside the part a confirmation looked at as they were', () => {
    let state = trackRun(trackRun(newTracker(0), 'objects', phone(20), 100), 'objects', phone(20), 400);
    state = trackRun(state, 'objects', phone(500), 700);
    const aroundNew = { x: 450, y: 350, w: 180, h: 130 };
    state = trackRun(state, 'objects', phone(500), 900, { lookedAt: aroundNew });
    expect(visibleRisks(state).map((risk) => [risk.box.x, risk.misses])).toEqual([[20, 1], [500, 0]]);
    // Looking at the whole frame again, the first phone's absence counts.
    state = trackRun(state, 'objects', phone(500), 1200);
    expect(state.tracks.find((track) => track.box.x === 20)?.misses).toBe(2);
  });

  it('counts no miss of a confirmed flag in a run that looked only for what is new, and drops a new sighting it misses', () => {
    // A phone flagged at x = 500, then something new beside it; the confirmation runs one model of two.
    let state = trackRun(trackRun(newTracker(0), 'objects', phone(500), 100), 'objects', phone(500), 300);
    state = trackRun(state, 'objects', [...phone(500), ...phone(560)], 500);
    state = trackRun(state, 'objects', [], 700, { lookedAt: { x: 450, y: 350, w: 190, h: 130 }, newOnly: true });
    expect(state.tracks.map((track) => [track.box.x, track.confirmed, track.misses])).toEqual([[500, true, 0]]);
    state = trackRun(state, 'objects', phone(560), 900);
    state = trackRun(state, 'objects', phone(560), 1100, { lookedAt: { x: 450, y: 350, w: 190, h: 130 }, newOnly: true });
    expect(state.tracks.map((track) => [track.box.x, track.confirmed, track.misses])).toEqual([[500, true, 1], [560, true, 0]]);
  });

  it('takes what lies outside the part a confirmation looked at as old news, not a second sighting', () => {
    // The app's latest detections keep what earlier runs saw outside the part a confirmation looks at.
    let state = trackRun(newTracker(0), 'objects', [...phone(20), ...phone(500)], 100);
    state = trackRun(state, 'objects', [...phone(20), ...phone(500)], 300, { lookedAt: { x: 450, y: 350, w: 180, h: 130 } });
    expect(visibleRisks(state).map((risk) => risk.box.x)).toEqual([500]);
    expect(state.tracks.find((track) => track.box.x === 20)).toMatchObject({ hits: 1, confirmed: false });
  });

  it('lets a glance confirm and clear what glances see, and say nothing of what only full looks see', () => {
    const writing = (x: number, thickness: number) =>
      assessFrame({ width: 640, height: 480, writing: [0, 1, 2].map((row) => ({ box: { x, y: 100 + row * 3 * thickness, w: 150, h: thickness }, score: 0.9, thickness })) });
    const page = writing(40, 12);
    const smallPrint = writing(400, 4);
    // A page: seen by a full look, confirmed by the glance after it.
    let state = trackRun(newTracker(0), 'writing', [...page, ...smallPrint], 100);
    state = trackRun(state, 'writing', page, 300, { glance: true });
    expect(visibleRisks(state).map((risk) => risk.box.x)).toEqual([40]);
    // The small print the glance could not see is still waiting, not dropped; the next full look confirms it.
    expect(state.tracks.find((track) => track.box.x === 400)).toMatchObject({ hits: 1, misses: 0, confirmed: false });
    state = trackRun(state, 'writing', [...page, ...smallPrint], 1300);
    expect(visibleRisks(state).map((risk) => risk.box.x)).toEqual([40, 400]);
    // Glances that miss the page clear it; they never clear the small print.
    for (let i = 1; i <= HYSTERESIS.writing.clearAfter; i += 1) state = trackRun(state, 'writing', [], 1300 + i * 300, { glance: true });
    expect(visibleRisks(state).map((risk) => risk.box.x)).toEqual([400]);
    // Only the full looks count as the detector's runs: "Corner clear" waits for what only they can see.
    expect(state.runs.writing).toBe(2);
  });

  it('keeps what earlier runs found outside the part a run looked at, and replaces what was inside', () => {
    const at = (x: number) => ({ box: { x, y: 10, w: 10, h: 10 } });
    expect(mergeLookedAt([at(0), at(100)], [at(104)], { x: 80, y: 0, w: 60, h: 60 })).toEqual([at(0), at(104)]);
    expect(mergeLookedAt([at(0), at(100)], [at(104)])).toEqual([at(104)]);
  });

  it('says "Corner clear" only after every detector ran and nothing was open for a few seconds', () => {
    let { state, now } = run(newTracker(0), [], 3, 0);
    expect(verdictOf(state, now).status).toBe('checking');
    ({ state, now } = run(state, [], 30, now));
    expect(verdictOf(state, now)).toMatchObject({ status: 'clear', message: 'Corner clear' });
    ({ state, now } = run(state, phone(), 3, now));
    expect(verdictOf(state, now)).toMatchObject({ status: 'risks', open: 1, message: '1 thing to fix before you record' });
    ({ state, now } = run(state, [], 6, now));
    expect(verdictOf(state, now).status).toBe('checking');
    now += CLEAR_VERDICT_MS;
    expect(verdictOf(state, now).status).toBe('clear');
  });

  it('lets the user accept a risk on purpose, also when it comes back', () => {
    let { state, now } = run(newTracker(0), face(), 5, 0);
    const [tracked] = visibleRisks(state);
    state = acceptRisk(state, tracked!.id);
    ({ state, now } = run(state, [], 10, now));
    ({ state, now } = run(state, face(), 40, now));
    expect(visibleRisks(state).every((risk) => risk.accepted)).toBe(true);
    expect(verdictOf(state, now)).toMatchObject({ status: 'clear', accepted: 1, message: 'Corner clear (1 accepted)' });
  });

  it('tells flags to blur in the clean copy apart from flags accepted in view', () => {
    let { state, now } = run(newTracker(0), [...face(), ...phone()], 5, 0);
    const [first, second] = visibleRisks(state);
    state = acceptRisk(acceptRisk(state, first!.id), second!.id);
    ({ state, now } = run(state, [...face(), ...phone()], 40, now));
    expect(verdictOf(state, now, undefined, new Set([second!.id])).message).toBe('Corner clear (1 accepted and 1 to blur in the clean copy)');
    expect(verdictOf(state, now, undefined, new Set([first!.id, second!.id])).message).toBe('Corner clear (2 to blur in the clean copy)');
  });
});
