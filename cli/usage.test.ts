import { describe, expect, it } from 'vitest';
import { sanitizeOptionsSchema } from '../core/sanitize/options.std';
import { optionProblem, printable } from './usage.std';

describe('printable', () => {
  it('shows control characters as escapes, keeps line breaks and tabs, and carriage returns only when asked', () => {
    expect(printable('✗ evil\u001b[2J.mp4: not a video\n')).toBe('✗ evil\\u001b[2J.mp4: not a video\n');
    expect(printable('a\tb\u0007c\u009bd\u007f')).toBe('a\tb\\u0007c\\u009bd\\u007f');
    expect(printable('fake\r✓ ok')).toBe('fake\\u000d✓ ok');
    expect(printable('\rclip.mp4: 40 %', { returns: true })).toBe('\rclip.mp4: 40 %');
    expect(printable('[{"file":"a\\u001b.mp4"}]')).toBe('[{"file":"a\\u001b.mp4"}]');
  });
});

describe('optionProblem', () => {
  // The schema's own issues, for options as the command line gives them.
  const problems = (options: Record<string, unknown>, typed: Record<string, string>) => {
    const parsed = sanitizeOptionsSchema.safeParse(options);
    if (parsed.success) throw new Error('the options were taken');
    return parsed.error.issues.map((issue) => optionProblem(issue, (flag) => typed[flag]));
  };

  it('names the flag as typed, what it takes and what was given', () => {
    expect(problems({ format: 'avi' }, { '--format': 'avi' })).toEqual(['--format takes mp4 or webm (not: avi)']);
    expect(problems({ audio: 'loud' }, { '--audio': 'loud' })).toEqual(['--audio takes keep, mute, or remove (not: loud)']);
    expect(problems({ redact: { groups: ['faces'], style: 'wobble' } }, { '--redact-style': 'wobble' })).toEqual(['--redact-style takes blur, fill, or pixelate (not: wobble)']);
    expect(problems({ redact: { groups: ['faces'], keepFace: 'mine' } }, { '--keep-face': 'mine' })).toEqual(['--keep-face takes none or largest (not: mine)']);
  });

  it('gives the range of --max-height, whatever was wrong with the number', () => {
    for (const given of ['99999', '12', '7.5', 'tall']) {
      expect(problems({ maxHeight: Number(given) }, { '--max-height': given })).toEqual([`--max-height takes a whole number of pixels from 144 to 4,320 (not: ${given})`]);
    }
  });

  it('counts --blur regions', () => {
    expect(problems({ blur: Array.from({ length: 51 }, () => ({ x: 0, y: 0, w: 1, h: 1 })) }, {})).toEqual(['--blur may be given at most 50 times']);
  });
});
