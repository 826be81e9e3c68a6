import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry, formatLine, localTimestamp, nextEntry, parseLog, undoEditorDamage } from './eventLog.std';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const bytes = (text: string) => new TextEncoder().encode(text);

function buildLog(events: EventData[]): string {
  let state: { entries: LogEntry[]; lastHash: string } = { entries: [], lastHash: GENESIS_HASH };
  let text = '';
  for (const [i, event] of events.entries()) {
    const entry = nextEntry(state, event, `2026-11-23T0${i}:00:00.000+01:00`);
    const line = formatLine(entry);
    text += `${line}\n`;
    state = { entries: [...state.entries, entry], lastHash: sha256(line) };
  }
  return text;
}

const events: EventData[] = [
  { type: 'session.started', sessionId: 's1', platform: 'Acme Data', task: 'fold towels', terms: { amount: 0.5, currency: 'USD', per: 'clip' } },
  { type: 'phase.started', sessionId: 's1', phaseId: 'p1', phase: 'setup' },
  { type: 'phase.stopped', sessionId: 's1', phaseId: 'p1' },
  { type: 'session.ended', sessionId: 's1' },
];

describe('parseLog', () => {
  it('reads back a chained log', () => {
    const parsed = parseLog(bytes(buildLog(events)), sha256);
    expect(parsed.entries.map((entry) => entry.event.type)).toEqual(events.map((event) => event.type));
    expect(parsed.broken).toBeUndefined();
    expect(parsed.torn).toBeUndefined();
    expect(parseLog(bytes(''), sha256)).toEqual({ entries: [], lastHash: GENESIS_HASH });
  });

  it('reports a torn last line and keeps every line before it', () => {
    const text = buildLog(events);
    const parsed = parseLog(bytes(`${text}{"v":1,"seq":4,"at":"2026-11`), sha256);
    expect(parsed.entries).toHaveLength(4);
    expect(parsed.torn).toEqual({ lineNumber: 5, text: '{"v":1,"seq":4,"at":"2026-11', bytes: 28 });
  });

  it('names the first line of an edited, removed or reordered log', () => {
    const lines = buildLog(events).split('\n');
    const edited = [...lines];
    edited[1] = edited[1]!.replace('setup', 'take');
    // Line 2 was edited: line 3's link no longer matches it, and either may be the changed one.
    const editedLog = parseLog(bytes(edited.join('\n')), sha256);
    expect(editedLog.broken).toEqual({ lineNumber: 2, reason: expect.stringMatching(/line 2 or line 3 was changed/) });
    expect(editedLog.entries.map((entry) => entry.seq)).toEqual([0]);
    const removed = lines.filter((_, i) => i !== 1);
    expect(parseLog(bytes(removed.join('\n')), sha256).broken).toEqual({ lineNumber: 1, reason: expect.stringMatching(/line 1 or line 2 was changed, or lines between them were removed/) });
    const garbage = [lines[0], 'not json', ...lines.slice(1)];
    expect(parseLog(bytes(garbage.join('\n')), sha256).broken).toEqual({ lineNumber: 2, reason: 'not valid JSON' });
    expect(parseLog(bytes(garbage.join('\n')), sha256).entries).toHaveLength(1);
    expect(parseLog(bytes(lines.slice(1).join('\n')), sha256).broken).toEqual({ lineNumber: 1, reason: expect.stringMatching(/line 1 was changed/) });
  });

  it('counts no forged value: an edited pay line is not counted, nor anything after it', () => {
    const paid: EventData[] = [...events.slice(0, 3), { type: 'pay.received', sessionId: 's1', amount: 1.5, currency: 'USD' }, events[3]!];
    const lines = buildLog(paid).split('\n');
    lines[3] = lines[3]!.replace('1.5', '125');
    const parsed = parseLog(bytes(lines.join('\n')), sha256);
    expect(parsed.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'phase.started', 'phase.stopped']);
    expect(parsed.broken?.lineNumber).toBe(4);
  });

  it("diagnoses an editor's re-save, and undoing it gives back the very log that was written", () => {
    const text = buildLog(events);
    const crlf = parseLog(bytes(text.replaceAll('\n', '\r\n')), sha256);
    expect(crlf.broken).toEqual({ lineNumber: 1, reason: expect.stringMatching(/Windows line endings.*safetake log repair/), repairable: true });
    const bom = parseLog(bytes(`\uFEFF${text}`), sha256);
    expect(bom.broken).toEqual({ lineNumber: 1, reason: expect.stringMatching(/byte-order mark/), repairable: true });
    for (const damaged of [text.replaceAll('\n', '\r\n'), `\uFEFF${text}`, text.slice(0, -1), `\uFEFF${text.replaceAll('\n', '\r\n').slice(0, -2)}`]) {
      expect(new TextDecoder().decode(undoEditorDamage(bytes(damaged)))).toBe(text);
    }
  });

  it('keeps a last line whose newline an editor dropped, and says so', () => {
    const parsed = parseLog(bytes(buildLog(events).slice(0, -1)), sha256);
    expect(parsed.entries).toHaveLength(4);
    expect(parsed.torn).toBeUndefined();
    expect(parsed.missingFinalNewline).toBe(true);
    expect(parsed.lastHash).toBe(parseLog(bytes(buildLog(events)), sha256).lastHash);
  });

  it('hashes the bytes as written: a line that is not UTF-8 breaks the chain where it is', () => {
    const text = buildLog(events);
    const raw = bytes(text);
    const at = text.indexOf('setup');
    raw[at] = 0xff;
    expect(parseLog(raw, sha256).broken).toEqual({ lineNumber: 2, reason: 'not UTF-8 text' });
  });

  it('refuses a log from a newer SafeTake with a clear reason', () => {
    const future = buildLog(events.slice(0, 1)).replace('"v":1', '"v":9');
    expect(parseLog(bytes(future), sha256).broken?.reason).toMatch(/newer SafeTake/);
  });
});

describe('localTimestamp', () => {
  it('writes local time with the UTC offset, which parses back to the same instant', () => {
    const now = new Date('2026-03-29T01:30:00Z');
    const stamp = localTimestamp(now);
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(new Date(stamp).getTime()).toBe(now.getTime());
  });
});
