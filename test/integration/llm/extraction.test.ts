// The language-model extractor against a fake OpenAI-compatible server on 127.0.0.1 (issue 8).
import { afterEach, describe, expect, it } from 'vitest';
import { analyse, writeRoom } from '../../support/rooms';
import { tempDatabase } from '../../support/temp';
import { factsIn, startFakeOpenAi, type FakeServer } from './fake-openai';
import { APPS_CSV, CONFLICTING, evidenceOf, FAITHFUL, INVENTED, ledgerOf, MEMO, SOURCE, testConfig, UNKNOWN_ATTRIBUTE } from './support';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('language-model extraction', () => {
  it('stores the model’s facts with the location where each quote was found, and its provider and model', async () => {
    server = await startFakeOpenAi((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const { database } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO, 'apps.csv': APPS_CSV });
    const result = await analyse(database, room, {}, { llm: { config: testConfig(server.url), apiKey: 'sk-local' } });
    expect(result.status).toBe('completed');
    // Structured output was requested, with the key, for the configured model.
    expect(server.requests.every((r) => r.hasSchema && r.model === 'test-model' && r.authorization === 'Bearer sk-local')).toBe(true);

    const fromModel = evidenceOf(database.sqlite, result.runId).filter((e) => e.source !== null);
    expect(fromModel.map(({ path, attribute, subject, value, line, row, source }) => ({ path, attribute, subject, value, line, row, source }))).toEqual([
      { path: 'apps.csv', attribute: 'app_category', subject: 'Harbor CRM', value: 'CRM', line: 2, row: 2, source: SOURCE },
      { path: 'memo.md', attribute: 'vendor_service', subject: 'Northwind Payroll Services', value: 'Payroll', line: 3, row: null, source: SOURCE },
      { path: 'memo.md', attribute: 'vendor_contract_end', subject: 'Northwind Payroll Services', value: '2027-03', line: 5, row: null, source: SOURCE },
      { path: 'memo.md', attribute: 'employee_count', subject: null, value: '310', line: 7, row: null, source: SOURCE },
      { path: 'memo.md', attribute: 'app_users', subject: 'Zendesk', value: '40', line: 9, row: null, source: SOURCE },
    ]);
    // The stored quote is the document's text (whitespace normalised), not the model's spacing.
    expect(fromModel.find((e) => e.subject === 'Zendesk')!.quote).toBe('Zendesk, which about 40 agents use every day');

    // The rules' fact the model repeated stays the rules' (no model evidence), and is counted.
    const harborUsers = evidenceOf(database.sqlite, result.runId).filter((e) => e.attribute === 'app_users' && e.subject === 'Harbor CRM');
    expect(harborUsers).toEqual([expect.objectContaining({ value: '150', source: null })]);
    const ledger = ledgerOf(database.sqlite, result.runId);
    expect(ledger.get('apps.csv')).toMatchObject({ status: 'ok', parts: 1, calls: 1, cacheHits: 0, proposed: 2, kept: 1, duplicates: 1, rejectedQuotes: 0 });
    expect(ledger.get('memo.md')).toMatchObject({ status: 'ok', parts: 1, calls: 1, proposed: 4, kept: 4, error: null });
  });

  it('rejects and counts an invented quote, an unknown attribute and a second reading of a rule’s row', async () => {
    server = await startFakeOpenAi((req) => ({ facts: [...factsIn(req.user, [...FAITHFUL, CONFLICTING]), INVENTED, UNKNOWN_ATTRIBUTE] }));
    const { database } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO, 'apps.csv': APPS_CSV });
    const result = await analyse(database, room, {}, { llm: { config: testConfig(server.url) } });
    expect(result.status).toBe('completed');
    const evidence = evidenceOf(database.sqlite, result.runId);
    expect(evidence.some((e) => e.subject === 'SAP S/4HANA' || /SAP/.test(e.quote))).toBe(false);
    expect(evidence.some((e) => e.attribute === 'favourite_colour')).toBe(false);
    // Ledgerline's users stay the rules' 420; the model's 42 for the same row is a conflict the rules win.
    expect(evidence.filter((e) => e.subject === 'Ledgerline ERP' && e.attribute === 'app_users').map((e) => [e.value, e.source])).toEqual([['420', null]]);
    const ledger = ledgerOf(database.sqlite, result.runId);
    expect(ledger.get('memo.md')).toMatchObject({ status: 'ok', rejectedQuotes: 1, invalid: 1, kept: 4 });
    expect(ledger.get('apps.csv')).toMatchObject({ status: 'ok', rejectedQuotes: 1, invalid: 1, conflicts: 1, duplicates: 1, kept: 1 });
  });

  it('answers a second deal over the same files from the cache: no request is paid twice', async () => {
    server = await startFakeOpenAi((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const { database } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO, 'apps.csv': APPS_CSV });
    const first = await analyse(database, room, { name: 'First' }, { llm: { config: testConfig(server.url) } });
    expect(server.requests).toHaveLength(2);
    const second = await analyse(database, room, { name: 'Second' }, { llm: { config: testConfig(server.url) } });
    expect(second.status).toBe('completed');
    expect(server.requests).toHaveLength(2);
    expect([...ledgerOf(database.sqlite, second.runId).values()].map((l) => [l.calls, l.cacheHits])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const facts = (runId: number) => evidenceOf(database.sqlite, runId).map(({ attribute, value, line, source }) => ({ attribute, value, line, source }));
    expect(facts(second.runId)).toEqual(facts(first.runId));
  });

  it('asks a long document in parts, each fact located in its own part', async () => {
    server = await startFakeOpenAi((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const { database } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO });
    const result = await analyse(database, room, {}, { llm: { config: testConfig(server.url, { maxPartChars: 200 }) } });
    const ledger = ledgerOf(database.sqlite, result.runId).get('memo.md')!;
    expect(ledger.parts).toBeGreaterThan(1);
    expect(ledger).toMatchObject({ status: 'ok', calls: ledger.parts, kept: 4 });
    expect(evidenceOf(database.sqlite, result.runId).map((e) => e.line)).toEqual([3, 5, 7, 9]);
  });

  it('records the model and prompt in the run’s engine version and settings, never the key', async () => {
    server = await startFakeOpenAi(() => ({ facts: [] }));
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO });
    const result = await analyse(database, room, {}, { llm: { config: testConfig(server.url), apiKey: 'sk-secret-value' } });
    const run = repos.runs.get(result.runId)!;
    expect(run.engineVersion).toMatch(/^extract-\d+\+rules-.*\+llm-p\d+-openai-compatible\/test-model$/);
    expect(JSON.parse(run.settings)).toMatchObject({ llm: { provider: 'openai-compatible', endpoint: server.url, model: 'test-model' } });
    expect(run.settings).not.toContain('sk-secret-value');
    const stored = database.sqlite.prepare("SELECT count(*) FROM llm_responses WHERE content LIKE '%sk-secret%'").pluck().get();
    expect(stored).toBe(0);
  });

  it('refuses to start a run against another machine unless sending text there was allowed', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'memo.md': MEMO });
    // 192.0.2.1 is TEST-NET-1: never routed. Nothing is sent: the config is refused before the run exists.
    await expect(analyse(database, room, {}, { llm: { config: testConfig('http://192.0.2.1:8080/v1') } })).rejects.toThrow(/another machine/);
    expect(repos.runs.list(repos.deals.findByName('Test deal')!.id)).toHaveLength(0);
  });
});
