import { describe, expect, it } from 'vitest';
import { UserError, messageOf } from './errors.std';

describe('what a thrown value says', () => {
  it("is an Error's message, or the value itself in words", () => {
    expect(messageOf(new UserError('The file is not a video.'))).toBe('The file is not a video.');
    expect(messageOf('worker gone')).toBe('worker gone');
    expect(messageOf(42)).toBe('42');
  });
});
