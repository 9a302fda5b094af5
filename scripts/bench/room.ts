// Writes the benchmark data rooms: 1,000 mixed documents (700 text-class: Markdown inventories,
// CSV server lists, text memos; 300 office: XLSX, DOCX, PDF), and the big files (a 100 MB CSV and
// a 500-page PDF). Seeded, so every machine analyses the same bytes.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { buildDocx, buildPdf, buildXlsx } from './office';
import { seededRandom } from './stats';

const VENDORS = ['Microsoft', 'Oracle', 'SAP', 'Salesforce', 'Workday', 'ServiceNow', 'Atlassian', 'Adobe', 'Infor', 'Epicor'];
const HOSTING = ['SaaS', 'On Prem', 'Azure', 'AWS', 'Hybrid'];
const OSES = ['Windows Server 2019', 'Windows Server 2012 R2', 'Ubuntu 22.04', 'Red Hat Enterprise Linux 7', 'Windows Server 2022'];
const ENVS = ['Production', 'Test', 'Development'];
const ROLES = ['Database', 'Web', 'File', 'Application'];

export interface RoomMix {
  markdown: number;
  csv: number;
  text: number;
  xlsx: number;
  docx: number;
  pdf: number;
}

export const MIXED_ROOM: RoomMix = { markdown: 250, csv: 250, text: 200, xlsx: 100, docx: 100, pdf: 100 };
export const TEXT_KINDS = new Set(['markdown', 'csv', 'text']);

type Pick = <T>(items: readonly T[]) => T;

function appRows(n: string, pick: Pick, random: () => number, count: number): string[][] {
  return Array.from({ length: count }, (_, r) => [
    `App ${n}-${r + 1}`,
    pick(VENDORS),
    'Line of business',
    `${1 + Math.floor(random() * 12)}.${Math.floor(random() * 10)}`,
    pick(HOSTING),
    String(10 + Math.floor(random() * 2000)),
    `$${(5000 + Math.floor(random() * 400000)).toLocaleString('en-US')}`,
    pick(['High', 'Medium', 'Low']),
  ]);
}
const APP_HEADER = ['Application', 'Vendor', 'Category', 'Version', 'Hosting', 'Users', 'Annual Cost', 'Criticality'];

function memo(n: string, pick: Pick, random: () => number): string[] {
  return [
    `SITE ${n} IT MEMO`,
    '',
    `- Total IT Staff: ${5 + Math.floor(random() * 40)} FTEs`,
    `- IT Budget (Annual): $${(1 + random() * 9).toFixed(1)}M`,
    `- MFA enforced for ${50 + Math.floor(random() * 50)}% of users`,
    `- Backup: Veeam Backup & Replication, daily backups with ${pick([14, 30, 90])}-day retention`,
    `- Last DR test: ${pick(['never', 'March 2025', '2024'])}`,
    '',
  ];
}

/** Writes the mixed room; returns the number of documents per kind. */
export async function writeMixedRoom(dir: string, mix: RoomMix = MIXED_ROOM, seed = 11): Promise<RoomMix> {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const write = (name: string, body: string | Buffer) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  };
  const id = (i: number) => String(i + 1).padStart(4, '0');
  for (let i = 0; i < mix.markdown; i++) {
    const rows = appRows(id(i), pick, random, 12).map((r) => `| ${r.join(' | ')} |`);
    write(`apps/application_inventory_${id(i)}.md`, [`# Application inventory, business unit ${id(i)}`, '', `| ${APP_HEADER.join(' | ')} |`, '|---|---|---|---|---|---:|---:|---|', ...rows, ''].join('\n'));
  }
  for (let i = 0; i < mix.csv; i++) {
    const rows = Array.from({ length: 15 }, (_, r) => `srv-${id(i)}-${String(r + 1).padStart(2, '0')},${pick(OSES)},${pick(ENVS)},${pick(ROLES)},DC-${1 + (i % 2)},Active`);
    write(`infrastructure/servers_${id(i)}.csv`, ['Hostname,Operating System,Environment,Role,Location,Status', ...rows, ''].join('\n'));
  }
  for (let i = 0; i < mix.text; i++) write(`memos/site_memo_${id(i)}.txt`, memo(id(i), pick, random).join('\n'));
  for (let i = 0; i < mix.xlsx; i++) {
    const rows = appRows(`X${id(i)}`, pick, random, 20).map((r) => r.map((c, k) => (k === 5 ? Number(c) : c)));
    write(`registers/licence_register_${id(i)}.xlsx`, await buildXlsx('Applications', APP_HEADER, rows));
  }
  for (let i = 0; i < mix.docx; i++) {
    const rows = appRows(`D${id(i)}`, pick, random, 10);
    write(
      `policies/it_overview_${id(i)}.docx`,
      await buildDocx([{ heading: `IT overview ${id(i)}` }, ...memo(id(i), pick, random).filter(Boolean).map((p) => ({ paragraph: p.replace(/^- /, '') })), { heading: 'Applications' }, { table: [APP_HEADER, ...rows] }]),
    );
  }
  for (let i = 0; i < mix.pdf; i++) {
    const pages = [0, 1, 2].map((p) => [`Board IT summary ${id(i)}, page ${p + 1}`, '', ...memo(id(i), pick, random).filter(Boolean)]);
    write(`board/board_summary_${id(i)}.pdf`, buildPdf(pages));
  }
  return mix;
}

/** A CSV of about `megabytes` MB (or `maxRows` rows): a server inventory export, every row fact-bearing. */
export async function writeBigCsv(file: string, megabytes: number, seed = 5, maxRows = Number.POSITIVE_INFINITY): Promise<number> {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const limit = megabytes * 1024 * 1024;
  let bytes = 0;
  let rows = 0;
  const header = 'Hostname,Operating System,Environment,Role,Location,Status,Owner,Notes\n';
  out.write(header);
  bytes += header.length;
  while (bytes < limit && rows < maxRows) {
    const lines: string[] = [];
    for (let k = 0; k < 1000 && rows < maxRows; k++) {
      rows++;
      lines.push(`host-${String(rows).padStart(7, '0')},${pick(OSES)},${pick(ENVS)},${pick(ROLES)},DC-${1 + (rows % 3)},Active,team-${rows % 40},"patched ${1 + (rows % 28)} days ago; ticket INC${rows}"\n`);
    }
    const chunk = lines.join('');
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

/** A PDF of `pages` pages of prose and key: value lines (an annual IT report). */
export function writeLongPdf(file: string, pages: number, seed = 9): void {
  const random = seededRandom(seed);
  const lines = (p: number): string[] => [
    `Annual IT report - chapter ${1 + Math.floor(p / 20)}, page ${p + 1}`,
    '',
    ...Array.from({ length: 40 }, (_, k) =>
      k % 10 === 0
        ? `Total IT Staff: ${20 + Math.floor(random() * 30)} FTEs`
        : `Section ${p + 1}.${k}: the operations team reviewed capacity, patching and licence usage for site ${Math.floor(random() * 90)}.`,
    ),
  ];
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, buildPdf(Array.from({ length: pages }, (_, p) => lines(p))));
}
