/**
 * The test-only bridge answers only its own page: another origin, another Host (DNS rebinding), a body that is
 * not JSON or is too large get a refusal, and the bridge goes on answering its own page. It never ships, but
 * it holds real services while a test browser runs.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from '../../services/sessions/eventLog.node';
import { type Bridge, startBridge } from '../e2e/bridge.node';

let bridge: Bridge;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safetake-bridge-'));
beforeAll(async () => {
  bridge = await startBridge({ rendererDir: dataDir, dataDir, printPdf: async () => Buffer.alloc(0), defaultOutputDir: path.join(dataDir, 'Videos') });
});
afterAll(async () => {
  await bridge.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A raw request, with whatever headers an attacker's page or tool would send. */
function post(headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; body: string }> {
  const url = new URL(`${bridge.origin}/__ipc/app:getInfo`);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const own = () => ({ Host: new URL(bridge.origin).host, Origin: bridge.origin, 'Content-Type': 'application/json' });

describe('the test bridge', () => {
  it('answers its own page', async () => {
    const answer = await post(own(), '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'SafeTake' } });
  });

  it('refuses another origin, another host and a body that is not JSON', async () => {
    expect((await post({ ...own(), Origin: 'http://evil.example' }, '{}')).status).toBe(403);
    expect((await post({ ...own(), Host: 'evil.example' }, '{}')).status).toBe(403);
    const { Origin: _origin, ...withoutOrigin } = own();
    expect((await post(withoutOrigin, '{}')).status).toBe(403);
    expect((await post({ ...own(), 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
  });

  it('is one of two on one data folder: the second is refused, and the log stays whole', async () => {
    const other = await startBridge({ rendererDir: dataDir, dataDir, printPdf: async () => Buffer.alloc(0), defaultOutputDir: path.join(dataDir, 'Videos') });
    const call = async (origin: string, channel: string, body: unknown) => {
      const url = new URL(`${origin}/__ipc/${channel}`);
      return new Promise<{ ok: boolean; error?: { message: string } }>((resolve, reject) => {
        const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Host: url.host, Origin: origin, 'Content-Type': 'application/json' } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(text)));
        });
        request.on('error', reject);
        request.end(JSON.stringify(body));
      });
    };
    const terms = { amount: 1, currency: 'USD', per: 'clip' };
    try {
      expect(await call(bridge.origin, 'sessions:start', { platform: 'Acme', task: '', terms })).toMatchObject({ ok: true });
      expect(await call(other.origin, 'sessions:start', { platform: 'Other', task: '', terms })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/open in another SafeTake/) } });
      expect(await call(bridge.origin, 'sessions:phase', { action: 'start', phase: 'waiting' })).toMatchObject({ ok: true });
      expect(await call(other.origin, 'sessions:phase', { action: 'start', phase: 'uploading' })).toMatchObject({ ok: false });
    } finally {
      await other.close();
    }
    const log = await readLog(dataDir);
    expect(log.broken).toBeUndefined();
    expect(log.entries.map((entry) => entry.event.type)).toEqual(['session.started', 'phase.started']);
  });

  it('answers a body too large with 413, and goes on answering', async () => {
    expect((await post(own(), Buffer.alloc(18 * 1024 * 1024, 0x20))).status).toBe(413);
    expect((await post(own(), '{}')).status).toBe(200);
  });
});
