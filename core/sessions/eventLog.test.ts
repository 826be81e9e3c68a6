import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type EventData, GENESIS_HASH, type LogEntry, formatLine, localTimestamp, nextEntry, parseLog } from './eventLog.std';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
    const parsed = parseLog(buildLog(events), sha256);
    expect(parsed.entries.map((entry) => entry.event.type)).toEqual(events.map((event) => event.type));
    expect(parsed.broken).toBeUndefined();
    expect(parsed.torn).toBeUndefined();
    expect(parseLog('', sha256)).toEqual({ entries: [], lastHash: GENESIS_HASH });
  });

  it('reports a torn last line and keeps every line before it', () => {
    const text = buildLog(events);
    const parsed = parseLog(`${text}{"v":1,"seq":4,"at":"2026-11`, sha256);
    expect(parsed.entries).toHaveLength(4);
    expect(parsed.torn).toEqual({ lineNumber: 5, text: '{"v":1,"seq":4,"at":"2026-11' });
  });

  it('names the first line of an edited, removed or reordered log', () => {
    const lines = buildLog(events).split('\n');
    const edited = [...lines];
    edited[1] = edited[1]!.replace('setup', 'take');
    expect(parseLog(edited.join('\n'), sha256).broken).toEqual({ lineNumber: 3, reason: expect.stringMatching(/hash link/) });
    const removed = lines.filter((_, i) => i !== 1);
    expect(parseLog(removed.join('\n'), sha256).broken?.lineNumber).toBe(2);
    const garbage = [lines[0], 'not json', ...lines.slice(1)];
    expect(parseLog(garbage.join('\n'), sha256).broken).toEqual({ lineNumber: 2, reason: 'not valid JSON' });
    expect(parseLog(garbage.join('\n'), sha256).entries).toHaveLength(1);
  });

  it('refuses a log from a newer SafeTake with a clear reason', () => {
    const future = buildLog(events.slice(0, 1)).replace('"v":1', '"v":9');
    expect(parseLog(future, sha256).broken?.reason).toMatch(/newer SafeTake/);
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
