/**
 * The one typed IPC contract between the renderer and the main process.
 *
 * Every channel names its request and response schema here. The preload exposes exactly these channels
 * (`SafeTakeApi`), main validates every request against `requestSchema` before a handler sees it, and the
 * test-only HTTP bridge dispatches through the same validator. Pure: zod only, no Electron, no Node.
 */
import { z } from 'zod';

const toolStatus = z.object({
  name: z.enum(['ffmpeg', 'ffprobe', 'exiftool']),
  ok: z.boolean(),
  /** Where the binary was found, or the places that were tried. */
  detail: z.string(),
  version: z.string().optional(),
});

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
});

/** Channel name -> request and response schemas. Requests are always objects so that they can grow. */
export const ipcContract = {
  'app:getInfo': { request: z.object({}).strict(), response: appInfo },
  'app:checkTools': { request: z.object({}).strict(), response: z.array(toolStatus) },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;
export type AppInfo = z.output<typeof appInfo>;
export type ToolStatus = z.output<typeof toolStatus>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(ipcContract, name);
}

/**
 * What crosses the wire. Errors travel as data: Electron rewrites thrown errors into
 * "Error invoking remote method ..." and drops their fields, and the user must see our words.
 */
export type IpcError = { code: IpcErrorCode; message: string };
export type IpcErrorCode = 'invalid-request' | 'unknown-channel' | 'not-allowed' | 'failed' | 'cancelled';
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The API the renderer sees as `window.safetake`: one async function per channel. */
export type SafeTakeApi = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
};

export class IpcRequestError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcRequestError';
  }
}

/** Validates a request for `channel`. Throws IpcRequestError with a readable message when it does not fit. */
export function parseIpcRequest<C extends IpcChannel>(channel: unknown, payload: unknown): z.output<(typeof ipcContract)[C]['request']> {
  if (!isIpcChannel(channel)) {
    throw new IpcRequestError('unknown-channel', `There is no IPC channel called ${JSON.stringify(String(channel))}.`);
  }
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
      .join('; ');
    throw new IpcRequestError('invalid-request', `Invalid request for ${channel}: ${issues}`);
  }
  return parsed.data as z.output<(typeof ipcContract)[C]['request']>;
}
