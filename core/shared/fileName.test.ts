import { describe, expect, it } from 'vitest';
import { fileExtension, fileName } from './fileName.std';

describe('fileName', () => {
  it('keeps only the name, whichever separator the path uses', () => {
    expect(fileName('/home/ada/Videos/SafeTake/clip-001.mp4')).toBe('clip-001.mp4');
    expect(fileName('C:\\Users\\Ada\\Videos\\clip-002.mp4')).toBe('clip-002.mp4');
    expect(fileName('clip-003.mp4')).toBe('clip-003.mp4');
    // A path ending in a separator is shown as it is rather than as nothing.
    expect(fileName('/home/ada/')).toBe('/home/ada/');
  });
});

describe('fileExtension', () => {
  it('is the name\'s last dot on, or nothing', () => {
    expect(['C:\\Photos\\cake.JPG', '/a.b/clip-001.mp4', '/a.b/README', '.hidden', 'archive.tar.gz', '/a.b/', 'a.'].map(fileExtension)).toEqual(['.JPG', '.mp4', '', '', '.gz', '', '']);
  });
});
