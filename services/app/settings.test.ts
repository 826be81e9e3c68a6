import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE_NAME } from '../../core/app/dataFolder.std';
import { chosenLanguageSync } from './settings.node';

describe('the language chosen in Settings, read before the app is ready', () => {
  const folder = (settings?: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-settings-'));
    if (settings !== undefined) fs.writeFileSync(path.join(dir, SETTINGS_FILE_NAME), settings);
    return dir;
  };

  it('is the language chosen, and nothing when the system decides or nothing can be read', () => {
    expect(chosenLanguageSync(folder(JSON.stringify({ language: 'pt-BR', theme: 'dark' })))).toBe('pt-BR');
    expect(chosenLanguageSync(folder(JSON.stringify({ language: 'system' })))).toBeUndefined();
    expect(chosenLanguageSync(folder(JSON.stringify({ language: 'de' })))).toBeUndefined();
    expect(chosenLanguageSync(folder('{ not json'))).toBeUndefined();
    expect(chosenLanguageSync(folder())).toBeUndefined();
  });
});
