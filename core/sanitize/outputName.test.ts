import { describe, expect, it } from 'vitest';
import { nameTemplateSchema } from './options.std';
import { fillNameTemplate, utf8Length } from './outputName.std';


describe('fillNameTemplate', () => {
  it('numbers copies and reuses the original name only when asked', () => {
    expect(fillNameTemplate('clip-{n}', 7, 'IMG_20240312_Lagos_Ada')).toBe('clip-007');
    expect(fillNameTemplate('{name}', 1, 'take')).toBe('take-001');
    expect(fillNameTemplate('', 2, 'take')).toBe('clip-002');
  });

  it('fits a long multibyte name in a file system\'s bytes, keeping the counter whole', () => {
    const name = fillNameTemplate('{name}', 12, '日'.repeat(83));
    expect(utf8Length(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('-012')).toBe(true);
    expect(name.startsWith('日'.repeat(60))).toBe(true);
    expect(fillNameTemplate('{name}-{name}-{n}', 3, '😀'.repeat(100)).endsWith('-003')).toBe(true);
  });

  it('makes a name, never a path or a hidden file, from whatever the original was called', () => {
    expect(fillNameTemplate('{name}', 1, 'line\nbreak/..\\x')).toBe('line_break_.._x-001');
    expect(fillNameTemplate('{name}', 1, '...hidden')).toBe('hidden-001');
  });

  it('refuses a template too long for the name it makes', () => {
    expect(nameTemplateSchema.safeParse('日'.repeat(41)).success).toBe(false);
    expect(nameTemplateSchema.safeParse('日'.repeat(40)).success).toBe(true);
  });
});
