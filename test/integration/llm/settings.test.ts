// The extractor's settings: off by default, the key only as ciphertext, consent before text leaves the machine.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LlmSettingsService } from '../../../src-main/services/llm-settings';
import type { SecretBox } from '../../../src-main/services/secret-box';
import { tempDatabase } from '../../support/temp';
import { startFakeOpenAi, type FakeServer } from './fake-openai';

/** A stand-in for safeStorage: AES-256-GCM under a key that lives only in this test's memory. */
function testSecretBox(available = true): SecretBox {
  const key = randomBytes(32);
  return {
    available: () => available,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const KEY = 'sk-test-0123456789abcdef-secret';
const local = { enabled: true, endpoint: 'http://127.0.0.1:8080/v1', model: 'qwen2.5-7b-instruct' };

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('language-model settings', () => {
  it('start off, pointing at this computer, with no key; an off extractor gives a run no options at all', () => {
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    expect(service.get()).toMatchObject({ enabled: false, hasApiKey: false, allowRemote: false, destination: { loopback: true, leavesMachine: false } });
    expect(service.runOptions()).toBeUndefined();
    service.save({ ...local, enabled: false });
    expect(service.runOptions()).toBeUndefined();
  });

  it('store the key only as ciphertext: not in the database file, not in what the page reads', () => {
    const { database, file } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    const view = service.save({ ...local, apiKey: KEY });
    expect(view.hasApiKey).toBe(true);
    expect(JSON.stringify(view)).not.toContain(KEY);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from(KEY))).toBe(false);
    const stored = database.sqlite.prepare('SELECT api_key_ciphertext FROM llm_settings').pluck().get() as Buffer;
    expect(stored.includes(Buffer.from(KEY))).toBe(false);
    expect(service.runOptions()).toMatchObject({ apiKey: KEY, config: { endpoint: local.endpoint, model: local.model, provider: 'openai-compatible' } });
    // Absent keeps the key; null removes it.
    service.save({ ...local, model: 'other' });
    expect(service.runOptions()?.apiKey).toBe(KEY);
    service.save({ ...local, apiKey: null });
    expect(service.get().hasApiKey).toBe(false);
  });

  it('refuse to store a key when the OS has no secret store, rather than store it in plain text', () => {
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox(false));
    expect(() => service.save({ ...local, apiKey: KEY })).toThrow(/never stored in plain text/);
    expect(service.get()).toMatchObject({ hasApiKey: false, keyStorageAvailable: false, enabled: false });
    // Without a key, a local server is still fine.
    expect(service.save(local).enabled).toBe(true);
  });

  it('show when text would leave the machine, and need consent for it', () => {
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    const remote = { ...local, endpoint: 'https://api.example.com/v1' };
    expect(() => service.save(remote)).toThrow(/api\.example\.com is another machine/);
    const view = service.save({ ...remote, allowRemote: true });
    expect(view.destination).toMatchObject({ host: 'api.example.com', loopback: false, leavesMachine: true });
    expect(service.runOptions()?.config).toMatchObject({ allowRemote: true });
    // A LAN address is another machine too; localhost is this one. Consent is dropped for a local endpoint.
    expect(service.save({ ...local, endpoint: 'http://192.168.1.20:11434/v1', allowRemote: true }).destination.leavesMachine).toBe(true);
    expect(service.save({ ...local, endpoint: 'http://localhost:11434/v1', allowRemote: true })).toMatchObject({ allowRemote: false, destination: { leavesMachine: false } });
  });

  it('refuse to turn on without a model', () => {
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    expect(() => service.save({ ...local, model: '' })).toThrow(/Name the model/);
  });

  it('give a resumed run the key only while the endpoint is the one it started with', () => {
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    service.save({ ...local, apiKey: KEY });
    expect(service.resumeOptions({ endpoint: local.endpoint })).toEqual({ apiKey: KEY });
    expect(service.resumeOptions({ endpoint: 'http://127.0.0.1:9999/v1' })).toBeUndefined();
    expect(service.resumeOptions(undefined)).toBeUndefined();
  });

  it('test the connection: lists the server’s models with the stored key; sends nothing to a remote host without consent', async () => {
    server = await startFakeOpenAi(() => ({ facts: [] }));
    const { database } = tempDatabase();
    const service = new LlmSettingsService(database.db, testSecretBox());
    service.save({ ...local, endpoint: server.url, model: 'test-model', apiKey: KEY });
    const result = await service.testConnection();
    expect(result).toMatchObject({ ok: true, models: ['test-model'], modelFound: true, destination: { loopback: true } });
    const missing = await service.testConnection({ ...local, endpoint: server.url, model: 'absent' });
    expect(missing).toMatchObject({ ok: true, modelFound: false, message: expect.stringMatching(/does not list absent/) });
    const refused = await service.testConnection({ ...local, endpoint: 'http://192.0.2.1:8080/v1' });
    expect(refused).toMatchObject({ ok: false, destination: { leavesMachine: true }, message: expect.stringMatching(/Nothing was sent/) });
    const down = await service.testConnection({ ...local, endpoint: 'http://127.0.0.1:1/v1' });
    expect(down).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach 127\.0\.0\.1:1/) });
  });
});
