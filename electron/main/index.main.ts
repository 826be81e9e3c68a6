/**
 * Electron main process: one sandboxed window, the app:// protocol, the session lock-down and the IPC
 * handlers. The work itself lives in services/, shared with the CLI.
 */
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, session } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../core/app/security.std';
import { ipcChannels } from '../../core/ipc/contract.std';
import { type EmitIpcEvent, dispatchIpc } from '../../core/ipc/dispatch.std';
import { createAppServices } from '../../services/app/ipcHandlers.node';
import { resolveDataDir } from '../../services/app/dataDir.node';
import { closeExiftool } from '../../services/media/exiftool.node';
import { pathPolicyFor } from '../../services/app/pathPolicy.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { TakeRecorder } from '../../services/sessions/takes.node';
import { readStatic } from '../../services/app/staticFiles.node';
import { defaultOutputDir, openFile, pickEvidence, pickFolder, pickMedia, pickSaveFile, showInFolder } from './dialogs.main';
import { printPdf } from './printPdf.main';
import { denyNavigationAndPopups, lockDownSession } from './security.main';
import { setLanguage, t } from '../../core/i18n/i18n.std';
import { chosenLanguageSync } from '../../services/app/settings.node';

const RENDERER_DIR = path.join(__dirname, '../renderer');
/** How long quitting waits for a running sanitize to stop, and the session log and ExifTool to close. */
const QUIT_GRACE_MS = 5000;
/** Of which a running sanitize may take this much to stop. */
const STOP_GRACE_MS = 3000;
const PRELOAD = path.join(__dirname, '../preload/index.js');
/** Set by `electron-vite dev` only; a packaged app never loads from a server. */
const DEV_SERVER_URL = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const DEV_SERVER_ORIGIN = DEV_SERVER_URL ? new URL(DEV_SERVER_URL).origin : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Forbidden', { status: 403 });
    const response = await readStatic(RENDERER_DIR, url.pathname);
    return new Response(new Uint8Array(Buffer.from(response.body)), { status: response.status, headers: response.headers });
  });
}

/** Events go to every SafeTake window (there is one). */
const emit: EmitIpcEvent = (event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
};

function registerIpc(dataDir: string): void {
  const sessions = new SessionsService(dataDir);
  const takes = new TakeRecorder(dataDir, sessions);
  const dialogs = { pickMedia, pickEvidence, pickFolder, pickSaveFile, showInFolder, openFile, defaultOutputDir: defaultOutputDir(), systemLocales: app.getPreferredSystemLanguages() };
  const { handlers, stop } = createAppServices({ dataDir, sessions, takes, pathPolicy: pathPolicyFor(dataDir), emit, ...dialogs, printPdf });
  // Electron does not wait for promises started in will-quit: quitting is held until a running sanitize is
  // cancelled (its unfinished copy removed, its finished ones logged; STOP_GRACE_MS at most, so the log still
  // has time to close), then the log flushed and its lock released and ExifTool closed, QUIT_GRACE_MS in all.
  let closed = false;
  const within = (ms: number, work: Promise<unknown>) => Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms))]);
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const closing = within(STOP_GRACE_MS, stop()).then(() => Promise.allSettled([sessions.close(), closeExiftool()]));
    void within(QUIT_GRACE_MS, closing).finally(() => {
      closed = true;
      app.quit();
    });
  });
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      // Only our own top frame may call in; anything else (an iframe, a stray page) is refused.
      const frame = event.senderFrame;
      const sender = frame?.url ?? '';
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      const trusted = isMainFrame && (sender.startsWith(`${APP_ORIGIN}/`) || (DEV_SERVER_ORIGIN !== undefined && sender.startsWith(`${DEV_SERVER_ORIGIN}/`)));
      if (!trusted) return { ok: false, error: { code: 'not-allowed', message: t('app.notTheWindow') } };
      return dispatchIpc(handlers, channel, payload, (error) => console.error(`[ipc] ${channel} failed`, error));
    });
  }
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 600,
    title: 'SafeTake',
    show: false,
    webPreferences: {
      // The preload is the contract's door and holds no logic: it exposes ipcRenderer.invoke per channel only.
      preload: PRELOAD, // eng-disable PRELOAD_JS_CHECK
      // Middle-click would otherwise open links in new windows outside setWindowOpenHandler's reach.
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
}

/** A second launch brings the open window forward: two instances would both write the session log. */
function focusFirstWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return createWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

app.enableSandbox();
denyNavigationAndPopups();

const dataDir = resolveDataDir(process.env, app.getPath('userData'));
// Chromium's own widgets (date fields) and main's first words speak the language chosen in Settings.
const chosenLanguage = chosenLanguageSync(dataDir);
if (chosenLanguage) {
  app.commandLine.appendSwitch('lang', chosenLanguage);
  setLanguage(chosenLanguage);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusFirstWindow);
  void app.whenReady().then(() => {
    lockDownSession(session.defaultSession, DEV_SERVER_ORIGIN);
    serveAppProtocol();
    registerIpc(dataDir);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  }).catch((error: unknown) => {
    // A start-up that failed must not leave a windowless process holding the single-instance lock.
    dialog.showErrorBox(t('app.couldNotStart'), error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

