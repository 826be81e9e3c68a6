/** The evidence report's PDF, printed by Electron's own Chromium. */
import { BrowserWindow, session } from 'electron';

/**
 * Prints the evidence report: a hidden window in its own in-memory session, with JavaScript off, that
 * may load the report's data: URL and nothing else.
 */
let printSession: Electron.Session | undefined;
export async function printPdf(html: string): Promise<Buffer> {
  if (!printSession) {
    printSession = session.fromPartition('safetake-print');
    printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  }
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: false });
  } finally {
    window.destroy();
  }
}

