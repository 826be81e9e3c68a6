/**
 * Runs in the sandboxed preload: exposes exactly the IPC contract as `window.safetake`, one function per
 * channel, and nothing of Electron or Node itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { type SafeTakeApi, ipcChannels } from '../../core/ipc/contract.std';

const api = Object.fromEntries(
  ipcChannels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as SafeTakeApi;

contextBridge.exposeInMainWorld('safetake', api);
