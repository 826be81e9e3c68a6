/**
 * Validates a request against the contract, runs its handler and turns the outcome into an IpcResult.
 * Main (ipcMain.handle) and the test bridge both call this, so both enforce the same rules.
 */
import { t } from '../i18n/i18n.std';
import { isUserError } from '../shared/errors.std';
import {
  type IpcEvent,
  type IpcEventPayload,
  type IpcChannel,
  type IpcValidRequest,
  type IpcResponse,
  type IpcResult,
  IpcRequestError,
  ipcContract,
  parseIpcRequest,
} from './contract.std';

export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcValidRequest<C>) => Promise<IpcResponse<C>>;
};

/** How services push events to the renderer: webContents.send in main, server-sent events in the bridge. */
export type EmitIpcEvent = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

export async function dispatchIpc(
  handlers: IpcHandlers,
  channel: unknown,
  payload: unknown,
  onUnexpectedError: (error: unknown) => void = () => {},
): Promise<IpcResult<unknown>> {
  try {
    const request = parseIpcRequest(channel, payload);
    const handler = handlers[channel as IpcChannel] as (request: unknown) => Promise<unknown>;
    const value = await handler(request);
    // Responses are checked too: a handler that breaks the contract is caught here, not in the UI.
    return { ok: true, value: ipcContract[channel as IpcChannel].response.parse(value) };
  } catch (error) {
    if (error instanceof IpcRequestError || isUserError(error)) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    onUnexpectedError(error);
    return {
      ok: false,
      error: { code: 'failed', message: t('ipc.error.unexpected') },
    };
  }
}
