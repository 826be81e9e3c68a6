/** The worker's settings (`settings.json` in the data folder), written whole to a temp file and renamed. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { SETTINGS_FILE_NAME } from '../../core/app/dataFolder.std';
import { settingsSchema } from '../../core/ipc/contract.std';

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
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[settings] ${this.file} could not be read; using defaults`, error);
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
