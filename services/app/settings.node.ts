/** The worker's settings (`settings.json` in the data folder), written whole to a temp file and renamed. */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { SETTINGS_FILE_NAME } from '../../core/app/dataFolder.std';
import type { Language } from '../../core/i18n/i18n.std';
import { settingsSchema } from '../../core/ipc/contract.std';
import { messageOf } from '../../core/shared/errors.std';

export type Settings = z.output<typeof settingsSchema>;

export class SettingsStore {
  constructor(private readonly dataDir: string) {}

  private get file(): string {
    return path.join(this.dataDir, SETTINGS_FILE_NAME);
  }

  async read(): Promise<Settings> {
    try {
      return settingsSchema.parse(JSON.parse(await fs.readFile(this.file, 'utf8')));
    } catch (error) {
      // One line, not a stack: a damaged settings file is not a crash, and every CLI command reads it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[settings] ${this.file} could not be read (${error instanceof Error && 'issues' in error ? 'values SafeTake does not know' : messageOf(error).split('\n')[0]}); using defaults`);
      return {};
    }
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.read()), ...change });
    await fs.mkdir(this.dataDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(next, null, 2), { flush: true });
    await fs.rename(temp, this.file);
    return next;
  }
}

/**
 * The language chosen in Settings, read at once from `dataDir`'s settings, or undefined for the system's:
 * Electron sets Chromium's own locale (date fields) before the app is ready, when nothing may wait.
 */
export function chosenLanguageSync(dataDir: string): Language | undefined {
  try {
    const chosen = settingsSchema.shape.language.safeParse((JSON.parse(readFileSync(path.join(dataDir, SETTINGS_FILE_NAME), 'utf8')) as { language?: unknown }).language);
    return chosen.success && chosen.data !== 'system' ? chosen.data : undefined;
  } catch {
    return undefined;
  }
}
