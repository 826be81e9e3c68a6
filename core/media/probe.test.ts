import { describe, expect, it } from 'vitest';
import { videoPacketsFromCsv } from './probe.std';

describe("a demux's packets", () => {
  it('say how many frames there are, when the last starts and when they end, from the file’s start', () => {
    // Out of order as B-frames come (decode order), in an MPEG-TS file whose clock starts at 1.4 s.
    expect(videoPacketsFromCsv('1.400000,0.033367\n1.500100,0.033367\n1.433367,0.033367\n1.466733,0.033367\n', 1.4)).toEqual({
      count: 4,
      lastStartSeconds: expect.closeTo(0.1001, 6),
      endSeconds: expect.closeTo(0.133467, 6),
    });
  });

  it('leave out what a packet does not carry: a browser take’s lengths, a raw stream’s times', () => {
    expect(videoPacketsFromCsv('0.000000,N/A\n0.063000,N/A\n\n0.129000,N/A\n')).toEqual({ count: 3, lastStartSeconds: 0.129 });
    expect(videoPacketsFromCsv('N/A,N/A\nN/A,N/A\n,\n')).toEqual({ count: 3 });
    expect(videoPacketsFromCsv('')).toBeUndefined();
  });
});
