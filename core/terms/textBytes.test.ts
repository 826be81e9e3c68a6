import { describe, expect, it } from 'vitest';
import { textOfBytes } from './textBytes.std';

describe('textOfBytes', () => {
  it('reads UTF-8 (its byte order mark dropped), UTF-16 by its mark, and Latin-1 that is not UTF-8', () => {
    expect(textOfBytes(new TextEncoder().encode('\uFEFFTerms: €5 per clip'))).toBe('Terms: €5 per clip');
    expect(textOfBytes(Uint8Array.from([0xff, 0xfe, 0x54, 0x00, 0xe9, 0x00]))).toBe('Té');
    expect(textOfBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x54, 0x00, 0xe9]))).toBe('Té');
    expect(textOfBytes(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x6f, 0x6e, 0x64, 0x69, 0x74, 0x69, 0x6f, 0x6e, 0x73]))).toBe('Café conditions');
  });

  it('is no text for bytes holding a NUL: a video or random bytes given a text name', () => {
    // The start of an MP4: a box size, then "ftyp".
    expect(textOfBytes(Uint8Array.from([0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]))).toBeUndefined();
  });
});
