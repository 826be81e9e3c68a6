import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startsAsPicture, textOfBytes } from './textBytes.std';

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

describe('startsAsPicture', () => {
  const photos = path.resolve(__dirname, '../../../shared/corpus/photo-metadata');
  const head = (name: string) => fs.readFileSync(path.join(photos, name)).subarray(0, 16);

  it('knows real PNG, JPEG and WebP files by their first bytes', () => {
    for (const name of ['mat2-dirty.png', 'mat2-dirty.jpg', 'exiftool-GPS.jpg', 'mat2-dirty.webp']) expect(startsAsPicture(head(name)), name).toBe(true);
  });

  it('is not a picture for a HEIC, an AVIF, text, a RIFF that is no WebP, or nothing', () => {
    for (const name of ['mat2-dirty.heic', 'mat2-dirty.avif']) expect(startsAsPicture(head(name)), name).toBe(false);
    expect(startsAsPicture(new TextEncoder().encode('Terms of use'))).toBe(false);
    expect(startsAsPicture(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBe(false);
    expect(startsAsPicture(new Uint8Array(0))).toBe(false);
  });
});
