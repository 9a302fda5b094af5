import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evalMain } from '../../../src-main/analysis/evaluation/cli';
import { sample } from '../../support/paths';
import { EXPECTATIONS_DIR } from './samples';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dd-eval-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await evalMain(args, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

describe('npm run eval', () => {
  const cleanModern = path.join(EXPECTATIONS_DIR, 'scenario-1-clean-modern.json');

  it('takes the room from the expectations file when only the file is given', async () => {
    const { code, text } = await run(cleanModern);
    expect(text).toContain('FINDINGS  raised');
    expect(text).toMatch(/PASS: every threshold holds\./);
    expect(code).toBe(0);
  });

  it('scores an explicit room against the file, and fails when that room is the wrong one', async () => {
    const wrongRoom = sample('scenarios', 'scenario_2_legacy_nightmare.txt');
    const { code, text } = await run(wrongRoom, cleanModern);
    expect(text).toMatch(/^FAIL: /m);
    expect(code).toBe(1);
  });

  it('reads relative paths from the folder the command was typed in (INIT_CWD under npm run)', async () => {
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = path.dirname(cleanModern);
    try {
      const { code, text } = await run(path.basename(cleanModern));
      expect(text, text).toMatch(/PASS: every threshold holds\./);
      expect(code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
  });

  it('says what is wrong with bad input, with exit code 2', async () => {
    const missing = await run(path.join(scratch, 'nowhere'), cleanModern);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.text).toMatch(/does not exist/);

    const notJson = path.join(scratch, 'broken.json');
    writeFileSync(notJson, '{ not json');
    const broken = await run(notJson);
    expect(broken.code).toBe(2);

    const empty = mkdtempSync(path.join(scratch, 'empty-'));
    const none = await run('--all', empty);
    expect(none).toMatchObject({ code: 2 });
    expect(none.text).toContain('holds no expectations files');
  });
});
