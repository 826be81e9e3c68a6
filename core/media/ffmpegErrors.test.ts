import { describe, expect, it } from 'vitest';
import { explainFfmpegFailure } from './ffmpegErrors.std';

const refused = (demuxer: string) => `[${demuxer} @ 0x557c3391d240] Format not on whitelist 'mov,matroska'\n/tmp/p.mp4: Invalid argument`;

describe('explainFfmpegFailure', () => {
  it('calls a refused playlist a playlist', () => {
    for (const demuxer of ['hls', 'concat', 'dash']) expect(explainFfmpegFailure(refused(demuxer))).toMatch(/playlist or another kind of file that names other files/);
  });

  it('calls any other refused format a file SafeTake cannot read, not a playlist', () => {
    // Random bytes probed here as lrc, mp3 and h263 (measured with ffprobe and /dev/urandom).
    for (const demuxer of ['lrc', 'mp3', 'h263']) {
      const message = explainFfmpegFailure(refused(demuxer));
      expect(message).toMatch(/not a video or photo SafeTake can read/);
      expect(message).not.toMatch(/playlist/);
    }
  });

  it('keeps HEIC apart from damage', () => {
    expect(explainFfmpegFailure('Invalid data found when processing input', '.HEIC')).toMatch(/Export it as JPEG/);
  });
});
