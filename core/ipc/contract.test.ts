import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.std';
import { IpcRequestError, ipcChannels, parseIpcRequest } from './contract.std';
import { type IpcHandlers, dispatchIpc } from './dispatch.std';

describe('parseIpcRequest', () => {
  it('accepts a request that fits the channel schema', () => {
    expect(parseIpcRequest('app:getInfo', {})).toEqual({});
  });

  it.each([
    ['a non-object', 'hello'],
    ['null', null],
    ['undefined', undefined],
    ['an unexpected field', { path: '/etc/passwd' }],
  ])('rejects %s with a message naming the channel', (_label, payload) => {
    expect(() => parseIpcRequest('app:getInfo', payload)).toThrowError(/Invalid request for app:getInfo/);
  });

  it('rejects unknown channels, including prototype names', () => {
    for (const channel of ['fs:read', '__proto__', 'constructor', 42]) {
      expect(() => parseIpcRequest(channel, {})).toThrowError(IpcRequestError);
    }
  });
});

describe('dispatchIpc', () => {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  const handlers: IpcHandlers = {
    'app:getInfo': async () => ({ name: 'SafeTake', version: '1', platform: 'linux', dataDir: '/d' }),
    'app:checkTools': async () => {
      throw new UserError('ffmpeg is missing. Reinstall SafeTake.');
    },
    'dialog:pickMedia': unused,
    'dialog:pickEvidence': unused,
    'dialog:pickFolder': unused,
    'deal:platforms': unused,
    'sessions:workRecord': unused,
    'deal:view': unused,
    'deal:attachTerms': unused,
    'deal:answer': unused,
    'deal:addCost': unused,
    'deal:removeCost': unused,
    'deal:removeTerms': unused,
    'deal:cancelAttach': unused,
    'deal:exportCsv': unused,
    'deal:priceOffer': unused,
    'files:expand': unused,
    'files:showInFolder': unused,
    'sanitize:existingCopy': unused,
    'sessions:correctTime': unused,
    'files:open': unused,
    'settings:update': unused,
    'sanitize:audit': unused,
    'sanitize:previewFrame': unused,
    'sanitize:start': unused,
    'sanitize:cancel': unused,
    'sanitize:markedAreas': unused,
    'sessions:overview': unused,
    'sessions:start': unused,
    'sessions:phase': unused,
    'sessions:pause': unused,
    'sessions:end': unused,
    'sessions:pay': unused,
    'sessions:addClips': unused,
    'sessions:outcome': unused,
    'sessions:attach': unused,
    'sessions:report': unused,
    'sessions:exportCsv': unused,
    'settings:get': unused,
    'settings:setMinimumRate': unused,
    'takes:begin': unused,
    'takes:chunk': unused,
    'takes:finish': unused,
    'takes:discard': unused,
    'takes:closeUnfinished': unused,
    'deal:attachText': unused,
    'takes:risk': unused,
    'corner:begin': unused,
    'corner:finish': unused,
  };

  it('returns the handler value on success', async () => {
    expect(await dispatchIpc(handlers, 'app:getInfo', {})).toEqual({
      ok: true,
      value: { name: 'SafeTake', version: '1', platform: 'linux', dataDir: '/d' },
    });
  });

  it('never calls a handler with an invalid request', async () => {
    let called = false;
    const spy = { ...handlers, 'app:getInfo': async () => ((called = true), handlers['app:getInfo']({})) } as IpcHandlers;
    const result = await dispatchIpc(spy, 'app:getInfo', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(called).toBe(false);
  });

  it('passes user-facing errors through and hides unexpected ones', async () => {
    expect(await dispatchIpc(handlers, 'app:checkTools', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'ffmpeg is missing. Reinstall SafeTake.' },
    });
    const seen: unknown[] = [];
    const broken = { ...handlers, 'app:getInfo': async () => JSON.parse('{') } as IpcHandlers;
    const result = await dispatchIpc(broken, 'app:getInfo', {}, (error) => seen.push(error));
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('Nothing was changed') } });
    expect(seen).toHaveLength(1);
  });

  it('rejects a handler response that breaks the contract', async () => {
    const wrong = { ...handlers, 'app:getInfo': async () => ({ name: 1 }) } as unknown as IpcHandlers;
    expect(await dispatchIpc(wrong, 'app:getInfo', {})).toMatchObject({ ok: false });
  });

  it('validates sanitize requests: options, paths and no extra fields', () => {
    expect(parseIpcRequest('sanitize:start', { inputs: [{ path: '/home/a/x.mov' }], outputDir: '/home/a/out', options: {} })).toMatchObject({
      inputs: [{ path: '/home/a/x.mov', blur: [] }],
      options: { format: 'mp4', audio: 'keep', blur: [] },
      nameTemplate: 'clip-{n}',
    });
    for (const bad of [
      { inputs: [], outputDir: '/o', options: {} },
      { inputs: ['/a'], outputDir: '/o', options: {} },
      { inputs: [{ path: '/a' }], outputDir: '/o', options: { format: 'avi' } },
      { inputs: [{ path: '/a', blur: [{ x: -1, y: 0, w: 10, h: 10 }] }], outputDir: '/o', options: {} },
      { inputs: [{ path: '/a' }], outputDir: '/o', options: {}, nameTemplate: '../../etc/x' },
      { inputs: [{ path: '/a' }], outputDir: '/o', options: {}, shell: 'rm -rf /' },
    ]) {
      expect(() => parseIpcRequest('sanitize:start', bad)).toThrowError(/Invalid request for sanitize:start/);
    }
  });

  it('lists every channel once', () => {
    expect(new Set(ipcChannels).size).toBe(ipcChannels.length);
  });
});
