import { describe, expect, it } from 'vitest';
import type { AuditReport } from './audit.std';
import { auditRows, auditSummary, isZeroed, trackGroupNames } from './auditView.std';

const tag = (group: string, name: string, value: string, reason = 'Technical: describes the picture or sound (size, codec, duration), not you.') => ({
  group,
  name,
  value,
  identifying: !reason.startsWith('Technical'),
  reason,
});
const report = (tags: ReturnType<typeof tag>[]): AuditReport => ({
  file: '/x.mov',
  fileType: 'MOV',
  readable: true,
  tags,
  identifyingCount: tags.filter((t) => t.identifying).length,
  streamFingerprints: [],
  sha256: '0',
});
const DATE = 'Date or time: when the file was made or changed.';
const PLACE = 'Location: where the file was made (GPS or a place name).';
const DEVICE = 'Device: the make, model, serial number, lens or firmware of the camera or phone.';
const SOFTWARE = "Software or encoder name and version: can single out a device, an app or a person's setup.";

// As ExifTool reads an iPhone clip (audio is track 1) and its clean copy (ffmpeg writes video first).
const phone = report([
  tag('QuickTime', 'CreateDate', '2019:07:24 08:25:57', DATE),
  tag('Track1', 'TrackCreateDate', '2019:07:24 08:25:57', DATE),
  tag('Track1', 'HandlerType', 'Audio Track'),
  tag('Track1', 'HandlerDescription', 'Core Media Audio', SOFTWARE),
  tag('Track2', 'TrackCreateDate', '2019:07:24 08:25:57', DATE),
  tag('Track2', 'HandlerType', 'Video Track'),
  tag('Track2', 'HandlerDescription', 'Core Media Video', SOFTWARE),
  tag('Keys', 'GPSCoordinates', '51 deg 30\' 26.40" N, 0 deg 7\' 39.60" W', PLACE),
  tag('Composite', 'GPSLatitude', '51 deg 30\' 26.40" N', PLACE),
  tag('Keys', 'Make', 'Apple', DEVICE),
  tag('Keys', 'Model', 'iPhone 6', DEVICE),
  tag('System', 'FileName', 'IMG_0042.mov'),
]);
const copy = report([
  tag('QuickTime', 'CreateDate', '0000:00:00 00:00:00'),
  tag('Track1', 'TrackCreateDate', '0000:00:00 00:00:00'),
  tag('Track1', 'HandlerType', 'Video Track'),
  tag('Track1', 'HandlerDescription', 'VideoHandler'),
  tag('Track2', 'TrackCreateDate', '0000:00:00 00:00:00'),
  tag('Track2', 'HandlerType', 'Audio Track'),
  tag('Track2', 'HandlerDescription', 'SoundHandler'),
]);

describe('the audit table as a worker reads it', () => {
  it('leads with where, who and what device, and when', () => {
    const [where, who, when] = auditSummary(phone, copy);
    expect(where).toMatchObject({ label: 'Where', values: ['51 deg 30\' 26.40" N, 0 deg 7\' 39.60" W'], count: 2, left: 0 });
    // The device before the software that wrote the file.
    expect(who).toMatchObject({ values: ['Apple', 'iPhone 6', 'Core Media Audio'], count: 4, left: 0 });
    expect(when).toMatchObject({ values: ['2019:07:24 08:25:57'], count: 3, left: 0 });
    expect(auditSummary(copy)[0]).toMatchObject({ values: [], count: 0 });
  });

  it('pairs tracks by what they carry, not by their number', () => {
    expect([...trackGroupNames(phone.tags)]).toEqual([['Track1', 'Audio track'], ['Track2', 'Video track']]);
    const rows = auditRows(phone, copy);
    const handler = (group: string) => rows.find((row) => row.name === 'HandlerDescription' && row.groups.includes(group));
    expect(handler('Audio track')).toMatchObject({ before: 'Core Media Audio', after: 'SoundHandler', removed: true, left: false });
    expect(handler('Video track')).toMatchObject({ before: 'Core Media Video', after: 'VideoHandler' });
  });

  it('groups a date repeated in every track into one row, shows zeroed dates as removed, and hides the file system', () => {
    const rows = auditRows(phone, copy);
    const trackDates = rows.filter((row) => row.name === 'TrackCreateDate');
    expect(trackDates).toHaveLength(1);
    expect(trackDates[0]).toMatchObject({ groups: ['Audio track', 'Video track'], before: '2019:07:24 08:25:57', removed: true });
    expect(trackDates[0]!.after).toBeUndefined();
    expect(rows.some((row) => row.groups.includes('System'))).toBe(false);
    // Identifying rows first.
    expect(rows.findIndex((row) => !row.identifying)).toBeGreaterThan(rows.findLastIndex((row) => row.identifying));
    expect(isZeroed('0000:00:00 00:00:00')).toBe(true);
    expect(isZeroed('2019:07:24 08:25:57')).toBe(false);
    expect(isZeroed('')).toBe(false);
    // A zero that is a value (a track's layer, a balance) is not a date that was emptied.
    expect(isZeroed('0')).toBe(false);
    expect(isZeroed('0 0 0')).toBe(false);
    expect(isZeroed('0000:00:00 00:00:00Z')).toBe(true);
  });

  it('puts what is left in the copy first, marked as left', () => {
    const leaky = report([tag('Keys', 'Model', 'iPhone 6', DEVICE)]);
    const [first] = auditRows(phone, leaky);
    expect(first).toMatchObject({ name: 'Model', left: true, removed: false, after: 'iPhone 6' });
  });
});
