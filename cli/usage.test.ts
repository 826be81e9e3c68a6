import { describe, expect, it } from 'vitest';
import { printable } from './usage.std';

describe('printable', () => {
  it('shows control characters as escapes, keeps line breaks and tabs, and carriage returns only when asked', () => {
    expect(printable('✗ evil\u001b[2J.mp4: not a video\n')).toBe('✗ evil\\u001b[2J.mp4: not a video\n');
    expect(printable('a\tb\u0007c\u009bd\u007f')).toBe('a\tb\\u0007c\\u009bd\\u007f');
    expect(printable('fake\r✓ ok')).toBe('fake\\u000d✓ ok');
    expect(printable('\rclip.mp4: 40 %', { returns: true })).toBe('\rclip.mp4: 40 %');
    expect(printable('[{"file":"a\\u001b.mp4"}]')).toBe('[{"file":"a\\u001b.mp4"}]');
  });
});
