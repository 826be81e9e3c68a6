/** The system's file dialogs, file manager and player, as the IPC handlers ask for them (services/app/ipcHandlers.node.ts, ServiceContext). */
import path from 'node:path';
import { BrowserWindow, app, dialog, shell } from 'electron';
import { UserError } from '../../core/shared/errors.std';
import { PHOTO_EXTENSIONS, VIDEO_EXTENSIONS } from '../../core/media/probe.std';
import { EVIDENCE_EXTENSIONS } from '../../core/sessions/evidence.std';
import { t } from '../../core/i18n/i18n.std';

const extensions = (list: readonly string[]) => list.map((extension) => extension.slice(1));

export async function pickMedia(): Promise<string[]> {
  const window = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    title: t('dialog.pickMedia.title'),
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: t('dialog.pickMedia.filter'), extensions: extensions([...VIDEO_EXTENSIONS, ...PHOTO_EXTENSIONS]) }],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function pickEvidence(): Promise<string[]> {
  const window = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    title: t('dialog.pickEvidence.title'),
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: t('dialog.pickEvidence.filter'), extensions: extensions(EVIDENCE_EXTENSIONS) }],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

export async function pickFolder(): Promise<string | undefined> {
  const window = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = { title: t('dialog.pickFolder.title'), properties: ['openDirectory', 'createDirectory'] };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

export async function pickSaveFile(suggestedName: string): Promise<string | undefined> {
  const window = BrowserWindow.getFocusedWindow();
  const options: Electron.SaveDialogOptions = { title: t('dialog.saveExport.title'), defaultPath: path.join(app.getPath('documents'), suggestedName) };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
}


/** The system's file manager with `file` selected. */
export async function showInFolder(file: string): Promise<void> {
  shell.showItemInFolder(file);
}

/** `file` in the system's own player or viewer; its error, if it cannot open, in words. */
export async function openFile(file: string): Promise<void> {
  const problem = await shell.openPath(file);
  if (problem) throw new UserError(t('files.couldNotOpen', { name: path.basename(file), problem }));
}

/**
 * Clean copies go to the system's Videos folder, in SafeTake's own sub-folder, until the worker chooses; a
 * system that names no Videos folder (getPath throws on some Linux desktops) gets ~/Videos.
 */
export function defaultOutputDir(): string {
  try {
    return path.join(app.getPath('videos'), 'SafeTake');
  } catch {
    return path.join(app.getPath('home'), 'Videos', 'SafeTake');
  }
}
