/**
 * Runs in the sandboxed preload: exposes exactly the IPC contract as `window.safetake` (one function per
 * channel, a subscription per event) and the path of a dropped file, and nothing of Electron or Node itself.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { type IpcEvent, type SafeTakeApi, ipcChannels, ipcEventNames } from '../../core/ipc/contract.std';

const invokers = Object.fromEntries(ipcChannels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]));

const api = {
  ...invokers,
  on: (event: IpcEvent, listener: (payload: unknown) => void) => {
    if (!ipcEventNames.includes(event)) throw new Error(`SafeTake has no event called ${String(event)}`);
    // The listener never sees Electron's event object (it would leak ipcRenderer's sender).
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} as unknown as SafeTakeApi;

contextBridge.exposeInMainWorld('safetake', api);
