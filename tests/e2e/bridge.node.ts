/**
 * TEST-ONLY. Stands in for Electron's IPC so the real renderer can run in plain Chromium: serves the built
 * renderer with the app's headers and answers POST /__ipc/<channel> through the same dispatcher and the same
 * services as the main process. Bound to 127.0.0.1; never part of the packaged app.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DialogAnswers } from './appHandle';
import { type EmitIpcEvent, dispatchIpc } from '../../core/ipc/dispatch.std';
import { createAppServices } from '../../services/app/ipcHandlers.node';
import { pathPolicyFor } from '../../services/app/pathPolicy.node';
import { SessionsService } from '../../services/sessions/sessions.node';
import { TakeRecorder } from '../../services/sessions/takes.node';
import { readStatic } from '../../services/app/staticFiles.node';

export const BRIDGE_IPC_PREFIX = '/__ipc/';
export const BRIDGE_EVENTS_PATH = '/__events';
/** The contract's largest request (a take's chunk, 16 MB of base64) with room for its JSON around it. */
const MAX_REQUEST_BYTES = 17 * 1024 * 1024;

/** `shown`: every file the app asked the system to show in its folder or play, in order, as `show:` or `open:`. */
export type Bridge = { origin: string; shown: string[]; close: () => Promise<void> };

/** The request's body, or undefined once it grows past MAX_REQUEST_BYTES (the rest is read and dropped). */
function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(undefined));
  });
}

/**
 * Why the bridge refuses a request, or undefined. Any page the test browser opens could post to 127.0.0.1,
 * and a name an attacker controls can resolve to it (DNS rebinding): only the bridge's own host and origin
 * are answered, and IPC only as JSON.
 */
function refusal(request: http.IncomingMessage, origin: string): { status: number; reason: string } | undefined {
  if (request.headers.host !== new URL(origin).host) return { status: 403, reason: 'wrong host' };
  if (request.method !== 'POST') return undefined;
  if (request.headers.origin !== origin) return { status: 403, reason: 'wrong origin' };
  if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? '')) return { status: 415, reason: 'IPC requests are JSON' };
  return undefined;
}

export type BridgeOptions = {
  rendererDir: string;
  dataDir: string;
  /** What the stand-in for the system file dialogs answers (a test cannot click a native dialog). */
  dialogAnswers?: DialogAnswers;
  /** Prints the evidence report (Electron's printToPDF in the app). */
  printPdf: (html: string) => Promise<Buffer>;
  /** Stands in for the system's Videos folder. */
  defaultOutputDir: string;
};

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const listeners = new Set<http.ServerResponse>();
  const emit: EmitIpcEvent = (event, payload) => {
    const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const listener of listeners) listener.write(message);
  };
  const sessions = new SessionsService(options.dataDir);
  const shown: string[] = [];
  const { handlers, stop } = createAppServices({
    dataDir: options.dataDir,
    sessions,
    takes: new TakeRecorder(options.dataDir, sessions),
    pathPolicy: pathPolicyFor(options.dataDir),
    emit,
    pickMedia: async () => options.dialogAnswers?.media ?? [],
    pickEvidence: async () => options.dialogAnswers?.evidence ?? [],
    pickFolder: async () => options.dialogAnswers?.folder,
    pickSaveFile: async (name) => options.dialogAnswers?.saveFolder && path.join(options.dialogAnswers.saveFolder, name),
    printPdf: options.printPdf,
    defaultOutputDir: options.defaultOutputDir,
    showInFolder: async (file) => void shown.push(`show:${file}`),
    openFile: async (file) => void shown.push(`open:${file}`),
    // The system the bridge stands in for speaks English, whatever this machine's locale: a spec that wants
    // another language chooses it in Settings, as a worker would.
    systemLocales: ['en-US'],
  });
  let origin = '';
  const server = http.createServer(async (request, response) => {
    const refused = refusal(request, origin);
    if (refused) {
      request.resume();
      response.writeHead(refused.status, { 'Content-Type': 'text/plain', Connection: 'close' }).end(refused.reason);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === BRIDGE_EVENTS_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (request.method === 'POST' && url.pathname.startsWith(BRIDGE_IPC_PREFIX)) {
      const channel = decodeURIComponent(url.pathname.slice(BRIDGE_IPC_PREFIX.length));
      const body = await readBody(request);
      if (body === undefined) {
        response.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('request too large');
        return;
      }
      let payload: unknown;
      try {
        payload = body === '' ? undefined : JSON.parse(body);
      } catch {
        payload = body; // not JSON: let the validator reject it with its usual message
      }
      const result = await dispatchIpc(handlers, channel, payload, (error) => console.error('[bridge]', error));
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(result));
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    response.writeHead(file.status, file.headers);
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    shown,
    close: async () => {
      for (const listener of listeners) listener.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // As the app quits: what is still sanitizing is cancelled, and the log closes once its copies are in it.
      await stop();
      await Promise.all([sessions.close(), closed]);
    },
  };
}

/**
 * Runs in the page before any app script (Playwright addInitScript): the bridge's window.safetake, one
 * function per contract channel and a subscription per event, like the preload's. A dropped File has no
 * path in a plain browser, so `pathForFile` names it inside the folder the test drops files from.
 */
export function installBridgeApi(setup: { channels: readonly string[]; events: readonly string[]; dropFolder: string }): void {
  const api: Record<string, unknown> = {};
  for (const channel of setup.channels) {
    api[channel] = async (request: unknown) => {
      const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request ?? null),
      });
      return response.json();
    };
  }
  let source: EventSource | undefined;
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!setup.events.includes(event)) throw new Error(`SafeTake has no event called ${event}`);
    source ??= new EventSource('/__events');
    const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    source.addEventListener(event, forward);
    return () => source?.removeEventListener(event, forward);
  };
  api.pathForFile = (file: File) => `${setup.dropFolder}/${file.name}`;
  Object.defineProperty(window, 'safetake', { value: Object.freeze(api), writable: false });
}
