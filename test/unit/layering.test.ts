// The layering rules (DESIGN.md) are lint rules; this proves they bite, layer by layer.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(REPO_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it('src-shared imports nothing of ours, nor Node or Electron', async () => {
    expect(await restricted('src-shared/x.ts', "import { openDatabase } from '../src-main/db/open';\nexport const a = openDatabase;\n")).toHaveLength(1);
    expect(await restricted('src-shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restricted('src-shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('src-shared/x.ts', "import { z } from 'zod';\nimport { DOMAINS } from './domain';\nexport const a = [z, DOMAINS];\n")).toEqual([]);
  });

  it('the renderer never imports the main process, Node, Electron or the database', async () => {
    expect(await restricted('src-renderer/x.ts', "import { createRepositories } from '../src-main/repositories';\nexport const a = createRepositories;\n")).toHaveLength(1);
    expect(await restricted('src-renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect(await restricted('src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await restricted('src-renderer/x.ts', "import { DOMAINS } from '../src-shared/domain';\nexport const a = DOMAINS;\n")).toEqual([]);
  });

  it('only the Electron edge imports electron', async () => {
    expect(await restricted('src-main/analysis/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('src-main/db/x.ts', "import { safeStorage } from 'electron/main';\nexport const a = safeStorage;\n")).toHaveLength(1);
    expect(await restricted('src-main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    // Our own folder named electron is not the electron package.
    expect(await restricted('src-main/index.ts', "import { startApp } from './electron/main';\nstartApp();\n")).toEqual([]);
  });
});
