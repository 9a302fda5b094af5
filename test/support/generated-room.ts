import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32): seeded, reproducible test data and kill times. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VENDORS = ['Microsoft', 'Oracle', 'SAP', 'Salesforce', 'Workday', 'ServiceNow', 'Atlassian', 'Adobe', 'Infor', 'Epicor'];
const HOSTING = ['SaaS', 'On Prem', 'Azure', 'AWS', 'Hybrid'];
const OSES = ['Windows Server 2019', 'Windows Server 2012 R2', 'Ubuntu 22.04', 'Red Hat Enterprise Linux 7', 'Windows Server 2022'];

/**
 * Writes a synthetic data room of `count` documents in three formats (Markdown inventories, CSV
 * server lists, text memos), every one of which yields facts. Content is invented here.
 */
export function writeGeneratedRoom(dir: string, count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(3, '0');
    let name: string;
    let body: string;
    if (i % 3 === 0) {
      name = `apps/application_inventory_${n}.md`;
      const rows = Array.from({ length: 12 }, (_, r) => {
        const vendor = pick(VENDORS);
        return `| App ${n}-${r + 1} | ${vendor} | Line of business | ${1 + Math.floor(random() * 12)}.${Math.floor(random() * 10)} | ${pick(HOSTING)} | ${10 + Math.floor(random() * 2000)} | $${(5000 + Math.floor(random() * 400000)).toLocaleString('en-US')} | ${pick(['High', 'Medium', 'Low'])} |`;
      });
      body = [`# Application inventory, business unit ${n}`, '', '| Application | Vendor | Category | Version | Hosting | Users | Annual Cost | Criticality |', '|---|---|---|---|---|---:|---:|---|', ...rows, ''].join('\n');
    } else if (i % 3 === 1) {
      name = `infrastructure/servers_${n}.csv`;
      const rows = Array.from({ length: 15 }, (_, r) => `srv-${n}-${String(r + 1).padStart(2, '0')},${pick(OSES)},${pick(['Production', 'Test', 'Development'])},${pick(['Database', 'Web', 'File', 'Application'])},DC-${1 + (i % 2)},Active`);
      body = ['Hostname,Operating System,Environment,Role,Location,Status', ...rows, ''].join('\n');
    } else {
      name = `memos/site_memo_${n}.txt`;
      body = [
        `SITE ${n} IT MEMO`,
        '',
        `- Total IT Staff: ${5 + Math.floor(random() * 40)} FTEs`,
        `- IT Budget (Annual): $${(1 + random() * 9).toFixed(1)}M`,
        `- MFA enforced for ${50 + Math.floor(random() * 50)}% of users`,
        `- Backup: Veeam Backup & Replication, daily backups with ${pick([14, 30, 90])}-day retention`,
        `- Last DR test: ${pick(['never', 'March 2025', '2024'])}`,
        '',
      ].join('\n');
    }
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
    files.push(name);
  }
  return files;
}
