/**
 * What every E2E spec gets, whether the renderer runs in Chromium over the test bridge or inside the real
 * Electron app: the page, its own origin, and every URL it requested.
 */
import type { Page } from 'playwright-core';

export type CameraMode = 'fake' | 'denied' | 'none';

export type AppHandle = {
  page: Page;
  /** The app's own origin: the bridge's http://127.0.0.1:port, or app://safetake in Electron. */
  origin: string;
  requests: string[];
  /** The app's data folder (SAFETAKE_DATA_DIR), where the session log lives. */
  dataDir: string;
  /** Where clean copies go by default (the system's Videos folder, SafeTake). */
  defaultOutputDir: string;
  /** What the app asked the system to show in a folder (`show:`) or play (`open:`), where the launcher can see it. */
  shown?: string[];
  close: () => Promise<void>;
};

export type LaunchOptions = {
  camera: CameraMode;
  cameraVideo: string;
  /** Folder whose files the test drops onto the window. */
  dropFolder?: string;
  /** What the native file dialogs answer, where the launcher can stand in for them. */
  dialogAnswers?: DialogAnswers;
};

/** Open dialogs answer these paths; a save dialog answers its suggested name inside `saveFolder`. */
export type DialogAnswers = { media?: string[]; evidence?: string[]; folder?: string; saveFolder?: string };

export type LaunchApp = (options: LaunchOptions) => Promise<AppHandle>;
