// With the language-model option off, a full analysis opens no network connection (issue 8).
// Every way Node has to reach the network is replaced by a recording trap for the duration of the
// analysis: sockets, HTTP(S), TLS, DNS and fetch.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmSettingsService } from '../../../src-main/services/llm-settings';
import { NO_SECRET_BOX } from '../../../src-main/services/secret-box';
import { sample } from '../../support/paths';
import { analyse } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';

type Restore = () => void;

/** Replaces `owner[name]` with a function that records the attempt and throws, until restored. */
function trap(owner: object, name: string, log: string[], label: string): Restore {
  const record = owner as Record<string, unknown>;
  const original = record[name];
  record[name] = () => {
    log.push(label);
    throw new Error(`Network access during an offline analysis: ${label}`);
  };
  return () => {
    record[name] = original;
  };
}

function trapNetwork(log: string[]): Restore {
  const restores = [
    trap(net.Socket.prototype, 'connect', log, 'net.Socket#connect'),
    trap(net, 'connect', log, 'net.connect'),
    trap(net, 'createConnection', log, 'net.createConnection'),
    trap(http, 'request', log, 'http.request'),
    trap(http, 'get', log, 'http.get'),
    trap(https, 'request', log, 'https.request'),
    trap(https, 'get', log, 'https.get'),
    trap(tls, 'connect', log, 'tls.connect'),
    trap(dns, 'lookup', log, 'dns.lookup'),
    trap(dns, 'resolve', log, 'dns.resolve'),
    trap(dns.promises, 'lookup', log, 'dns.promises.lookup'),
    trap(globalThis, 'fetch', log, 'fetch'),
  ];
  return () => restores.reverse().forEach((restore) => restore());
}

/** A room with every format: text, Markdown, CSV, XLSX, DOCX and PDF. */
function everyFormatRoom(): string {
  const room = path.join(tempDir('dd-offline-'), 'room');
  cpSync(sample('office-formats'), room, { recursive: true });
  cpSync(sample('great-insurance'), path.join(room, 'great-insurance'), { recursive: true });
  cpSync(sample('scenarios', 'scenario_3_carveout.txt'), path.join(room, 'scenario_3_carveout.txt'));
  cpSync(sample('inventories', 'gsa_it_standards.csv'), path.join(room, 'gsa_it_standards.csv'));
  return room;
}

describe('with the language-model option off', () => {
  it('the traps catch every kind of connection attempt (so the next test can trust them)', async () => {
    const log: string[] = [];
    const restore = trapNetwork(log);
    try {
      expect(() => http.request('http://127.0.0.1:9/')).toThrow();
      expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow();
      await expect(Promise.resolve().then(() => fetch('http://127.0.0.1:9/'))).rejects.toThrow();
    } finally {
      restore();
    }
    expect(log).toEqual(['http.request', 'net.Socket#connect', 'fetch']);
  });

  it('a full analysis of every document format, and a re-run, open no connection at all', async () => {
    const { database } = tempDatabase();
    const room = everyFormatRoom();
    // Settings exist but are off: the app asks the service, which gives the run nothing.
    const settings = new LlmSettingsService(database.db, NO_SECRET_BOX);
    settings.save({ enabled: false, endpoint: 'http://127.0.0.1:8080/v1', model: 'some-model' });
    const log: string[] = [];
    const restore = trapNetwork(log);
    let results;
    try {
      const first = await analyse(database, room, {}, { llm: settings.runOptions() });
      const second = await analyse(database, room, {}, { llm: settings.runOptions() });
      results = [first, second];
    } finally {
      restore();
    }
    expect(log).toEqual([]);
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);
    const facts = database.sqlite.prepare('SELECT count(*) FROM facts WHERE run_id = ?').pluck().get(results[0]!.runId) as number;
    expect(facts).toBeGreaterThan(100);
    expect(database.sqlite.prepare('SELECT count(*) FROM fact_evidence WHERE source IS NOT NULL').pluck().get()).toBe(0);
    expect(database.sqlite.prepare('SELECT count(*) FROM llm_run_documents').pluck().get()).toBe(0);
    const docs = database.sqlite.prepare("SELECT count(*) FROM run_documents WHERE run_id = ? AND status = 'done'").pluck().get(results[0]!.runId) as number;
    expect(docs).toBeGreaterThanOrEqual(10);
  });
});
