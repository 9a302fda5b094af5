// Runs Electronegativity over the Electron edge, the renderer and the build, offline, and requires
// every finding to be fixed or justified in security/electronegativity-justifications.md.
// @doyensec/electronegativity is a devDependency (ELECTRONEGATIVITY_CLI may point at another copy);
// a missing scanner fails the test rather than skipping it, so the scan cannot quietly stop running.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths';
import { tempDir } from '../../support/temp';
import { ensureAppBuilt } from '../packaging/app-build';

function cli(): string | null {
  if (process.env.ELECTRONEGATIVITY_CLI) return process.env.ELECTRONEGATIVITY_CLI;
  try {
    return createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
  } catch {
    return null;
  }
}

interface Justification {
  check: string;
  files: string[];
  justification: string;
}

function justifications(): Justification[] {
  const text = readFileSync(path.join(REPO_ROOT, 'security/electronegativity-justifications.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| [A-Z_]+ \|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ check: cells[1]!, files: cells[2]!.split(',').map((f) => f.trim()), justification: cells[4]! }));
}

/** The rows of Electronegativity's CSV report (quoted fields may contain commas). */
function parseCsv(text: string): Array<{ check: string; severity: string; file: string; location: string }> {
  const [header, ...rows] = text.trim().split('\n');
  expect(header).toMatch(/^issue, severity, confidence, filename, location/);
  return rows.map((row) => {
    const cells = [...row.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1] ?? '').trim());
    return { check: cells[0]!, severity: cells[1]!, file: cells[3]!, location: cells[4]! };
  });
}

describe('electronegativity justifications', () => {
  it('name real checks and files', () => {
    const rows = justifications();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.justification.length, row.check).toBeGreaterThan(40);
      for (const file of row.files) if (!file.startsWith('out/')) expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    }
  });
});

const command = cli();
describe('electronegativity scan (offline)', () => {
  let findings: ReturnType<typeof parseCsv>;
  beforeAll(async () => {
    if (!command) throw new Error('@doyensec/electronegativity is not installed: run npm ci (it is a devDependency).');
    await ensureAppBuilt();
    // Only what runs in Electron: the edge, the IPC layer, the renderer and the build.
    const stage = tempDir('dd-eneg-');
    for (const dir of ['src-main/electron', 'src-main/ipc', 'src-renderer', 'out']) cpSync(path.join(REPO_ROOT, dir), path.join(stage, dir), { recursive: true });
    cpSync(path.join(REPO_ROOT, 'package.json'), path.join(stage, 'package.json'));
    mkdirSync(path.join(stage, 'report'));
    const report = path.join(stage, 'report', 'findings.csv');
    execFileSync(process.execPath, [command!, '-i', stage, '-r', '-o', report, '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck'], { stdio: 'ignore', timeout: 90_000 });
    findings = parseCsv(readFileSync(report, 'utf8'));
  }, 120_000);

  it('finds nothing that is not justified', () => {
    const rows = justifications();
    const unjustified = findings.filter((f) => !rows.some((r) => r.check === f.check && r.files.includes(f.file)));
    expect(unjustified).toEqual([]);
  });
});
