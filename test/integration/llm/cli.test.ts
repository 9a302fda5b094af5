// The language model from the command line: off unless asked, the key from the environment only,
// a remote host only with --allow-remote, and the run records which model found what.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { startCli } from '../../support/cli-process';
import { writeRoom } from '../../support/rooms';
import { tempDir } from '../../support/temp';
import { factsIn, startFakeOpenAi, type FakeServer } from './fake-openai';
import { APPS_CSV, evidenceOf, FAITHFUL, MEMO, MODEL, SOURCE } from './support';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const run = startCli(args, { DILIGENCE_DESK_REPORT_DOCS: '0', ...env });
  const { code } = await run.exited;
  return { code, stdout: run.lines.join('\n'), stderr: run.stderr() };
}

describe('analyze --model-endpoint --model', () => {
  it('asks the local model with the key from the environment and records the model on its facts', async () => {
    server = await startFakeOpenAi((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const db = path.join(tempDir('dd-llm-cli-'), 'cli.sqlite');
    const room = writeRoom({ 'memo.md': MEMO, 'apps.csv': APPS_CSV });
    const result = await cli(['analyze', room, '--deal', 'Model deal', '--db', db, '--model-endpoint', server.url, '--model', MODEL], { DILIGENCE_DESK_LLM_API_KEY: 'sk-cli' });
    expect(result.stderr).toContain(`Language model: ${MODEL} at ${server.url}.`);
    expect(result.stderr).toContain('stays on this machine');
    expect(result.code).toBe(0);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.authorization === 'Bearer sk-cli')).toBe(true);
    const database = openDatabase(db);
    try {
      const runId = database.sqlite.prepare('SELECT id FROM analysis_runs').pluck().get() as number;
      expect(evidenceOf(database.sqlite, runId).filter((e) => e.source === SOURCE).length).toBeGreaterThan(0);
      // The key is never stored with the run.
      expect(database.sqlite.prepare('SELECT settings FROM analysis_runs').pluck().get()).not.toContain('sk-cli');
    } finally {
      database.close();
    }
  });

  it('refuses a half-given model, and a remote host without --allow-remote, before anything is written', async () => {
    const db = path.join(tempDir('dd-llm-cli-'), 'cli.sqlite');
    const room = writeRoom({ 'memo.md': MEMO });
    const half = await cli(['analyze', room, '--db', db, '--model', MODEL]);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/needs both --model-endpoint URL .* and --model NAME/);
    const remote = await cli(['analyze', room, '--db', db, '--model-endpoint', 'https://models.example.com/v1', '--model', MODEL]);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('models.example.com is another machine');
    expect(remote.stderr).toContain('--allow-remote');
    const database = openDatabase(db);
    try {
      expect(database.sqlite.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
    } finally {
      database.close();
    }
  });
});
