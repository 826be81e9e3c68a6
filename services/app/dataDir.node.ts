/**
 * The app's data folder: Electron's userData path, which the CLI computes the same way so both see one log.
 * SAFETAKE_DATA_DIR overrides it for both (tests, portable installs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Electron derives userData from productName in package.json; keep the two in step. */
const APP_DIR_NAME = 'SafeTake';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, electronUserData?: string): string {
  const override = env.SAFETAKE_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (electronUserData) return electronUserData;
  return path.join(platformAppDataDir(env), APP_DIR_NAME);
}

/** The same base folder as Electron's app.getPath('appData'). */
function platformAppDataDir(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return path.join(os.homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  }
}

/**
 * Whether a file stands where the data folder, or a folder above it, should be (SAFETAKE_DATA_DIR naming a
 * file): nothing can be read or kept there. A folder that does not exist yet is made when first written.
 */
export function fileInPlaceOfDataDir(dir: string): boolean {
  try {
    return !fs.statSync(dir).isDirectory();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}
