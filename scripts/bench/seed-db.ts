// Seeds a benchmark database through the product's own open (migrations, pragmas) and then raw
// prepared statements in big transactions: 1,000,000 facts (each with an evidence row) over 50
// deals of 20 runs, with subjects, documents, gaps and findings. The load is deliberately skewed:
// one "big" deal holds half the facts (25,000 per run), so list queries are measured on a run far
// larger than a real data room produces, and the 49 other deals make the tables realistically mixed.
import { createHash } from 'node:crypto';
import os from 'node:os';
import { ATTRIBUTES, type AttributeSpec } from '../../src-main/analysis/extract/vocabulary';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import { DOMAINS, FINDING_TYPES, LENSES, SEVERITIES, SEVERITY_RANK, type Domain } from '../../src-shared/domain';
import { seededRandom } from './stats';

export interface SeedPlan {
  deals: number;
  runsPerDeal: number;
  totalFacts: number;
  /** Share of all facts that belong to deal 1 (the big deal). */
  bigDealShare: number;
  findingsPerRun: { big: number; typical: number };
}

export const DEFAULT_PLAN: SeedPlan = { deals: 50, runsPerDeal: 20, totalFacts: 1_000_000, bigDealShare: 0.5, findingsPerRun: { big: 1_000, typical: 60 } };

export interface SeedSummary {
  file: string;
  facts: number;
  evidence: number;
  subjects: number;
  gaps: number;
  findings: number;
  runs: number;
  bigDealId: number;
  typicalDealId: number;
  /** A deal whose newest run is left `running` by a dead process, for startup recovery to find. */
  orphanRunId: number;
  factsPerRun: { big: number; typical: number };
  seconds: number;
  /** Seconds spent building the full-text index of every run's facts (the runner does it per run). */
  indexSeconds: number;
}

type Attr = { name: string; spec: AttributeSpec };
const SUBJECT_ATTRS: Attr[] = Object.entries(ATTRIBUTES as Record<string, AttributeSpec>)
  .filter(([, spec]) => spec.subject !== null)
  .map(([name, spec]) => ({ name, spec }));
/** Subject attributes grouped by subject kind, so a subject's eight facts describe one kind of thing. */
const ATTRS_BY_KIND: Attr[][] = [...SUBJECT_ATTRS.reduce((groups, a) => groups.set(a.spec.subject!, [...(groups.get(a.spec.subject!) ?? []), a]), new Map<string, Attr[]>()).values()];
const COMPANY_ATTRS: Attr[] = Object.entries(ATTRIBUTES as Record<string, AttributeSpec>)
  .filter(([, spec]) => spec.subject === null)
  .map(([name, spec]) => ({ name, spec }));

const WORDS = ['Atlas', 'Nimbus', 'Keel', 'Harbor', 'Summit', 'Vector', 'Quartz', 'Beacon', 'Cobalt', 'Falcon', 'Meridian', 'Orion', 'Pioneer', 'Sierra', 'Tundra'];
const TEXT_VALUES = ['Production', 'SaaS', 'On Prem', 'Windows Server 2019', 'Ubuntu 22.04', 'High', 'Medium', 'Low', 'Microsoft', 'Oracle', 'SAP', 'Azure', 'AWS', 'Active', 'Planned retirement'];
const LOCATION_KEYS = 24;

const key = (prefix: string, ...parts: Array<string | number>): string => `${prefix}_${createHash('sha1').update(parts.join('\u001f')).digest('hex').slice(0, 32)}`;

function valueFor(spec: AttributeSpec, random: () => number): { type: string; text: string; number: number | null; currency: string | null } {
  switch (spec.type) {
    case 'number': {
      const n = Math.floor(random() * 5000);
      return { type: 'number', text: String(n), number: n, currency: null };
    }
    case 'money': {
      const n = Math.floor(random() * 2_000_000);
      return { type: 'money', text: `$${n.toLocaleString('en-US')}`, number: n, currency: 'USD' };
    }
    case 'percent': {
      const n = Math.floor(random() * 100);
      return { type: 'percent', text: `${n}%`, number: n, currency: null };
    }
    case 'date':
      return { type: 'date', text: `20${20 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-15`, number: null, currency: null };
    case 'boolean':
      return { type: 'boolean', text: 'yes', number: 1, currency: null };
    default:
      return { type: 'text', text: TEXT_VALUES[Math.floor(random() * TEXT_VALUES.length)]!, number: null, currency: null };
  }
}

export function seedDatabase(file: string, plan: SeedPlan = DEFAULT_PLAN): SeedSummary {
  const started = Date.now();
  const database = openDatabase(file);
  const sqlite = database.sqlite;
  sqlite.pragma('synchronous = OFF'); // throwaway data: speed over durability while seeding
  sqlite.pragma('cache_size = -262144');
  const random = seededRandom(20_260_201);
  const host = os.hostname();
  const bigTotal = Math.round(plan.totalFacts * plan.bigDealShare);
  const bigPerRun = Math.floor(bigTotal / plan.runsPerDeal);
  const typicalRuns = (plan.deals - 1) * plan.runsPerDeal;
  const typicalPerRun = Math.floor((plan.totalFacts - bigPerRun * plan.runsPerDeal) / typicalRuns);
  let remainder = plan.totalFacts - bigPerRun * plan.runsPerDeal - typicalPerRun * typicalRuns;

  const insertDeal = sqlite.prepare(`INSERT INTO deals (name, target_name, buyer_name, deal_type, as_of_date, data_room_path) VALUES (?, ?, ?, ?, '2026-02-01', ?) RETURNING id`);
  const insertDoc = sqlite.prepare(
    `INSERT INTO documents (deal_id, entity, relative_path, sha256, size_bytes, kind, page_count, status, version) VALUES (?, 'target', ?, ?, ?, ?, NULL, 'parsed', 1) RETURNING id`,
  );
  const insertRun = sqlite.prepare(
    `INSERT INTO analysis_runs (deal_id, run_number, status, engine_version, settings, phase, docs_total, docs_done, fact_count, gap_count, finding_count, owner_pid, owner_host, started_at, heartbeat_at, finished_at)
     VALUES (?, ?, ?, 'bench', '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertSubject = sqlite.prepare(`INSERT INTO subjects (deal_id, run_id, stable_key, entity, domain, kind, name, aliases) VALUES (?, ?, ?, 'target', ?, ?, ?, '[]')`);
  const insertFact = sqlite.prepare(
    `INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute, value_type, value_text, value_number, currency, unit, confidence, derivation)
     VALUES (?, ?, ?, 'target', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'stated') RETURNING id`,
  );
  const insertEvidence = sqlite.prepare(`INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, row, quote) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertGap = sqlite.prepare(
    `INSERT INTO gaps (stable_key, deal_id, run_id, checklist_item, domain, title, kind, importance, importance_rank, request, reasoning, related_fact_keys) VALUES (?, ?, ?, ?, ?, ?, 'missing', ?, ?, ?, ?, '[]')`,
  );
  const insertFinding = sqlite.prepare(
    `INSERT INTO findings (stable_key, deal_id, run_id, rule_id, type, domain, title, description, severity, severity_rank, lens, phase, cost_band, reasoning, subject_keys)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'day_100', '25k_100k', ?, '[]') RETURNING id`,
  );
  const insertFindingEvidence = sqlite.prepare(`INSERT INTO finding_evidence (finding_id, evidence_kind, ref_id) VALUES (?, 'fact', ?)`);

  const counts = { facts: 0, evidence: 0, subjects: 0, gaps: 0, findings: 0, runs: 0 };
  let orphanRunId = 0;
  const baseTime = Date.parse('2026-01-01T00:00:00Z');

  for (let d = 1; d <= plan.deals; d++) {
    const big = d === 1;
    const perRun = big ? bigPerRun : typicalPerRun;
    sqlite.transaction(() => {
      const dealName = `${WORDS[d % WORDS.length]} ${big ? 'Holdings (big deal)' : 'Systems'} ${d}`;
      const dealId = (insertDeal.get(dealName, `Target ${d}`, `Buyer ${d}`, d % 5 === 0 ? 'carve_out' : 'acquisition', `/rooms/deal-${d}`) as { id: number }).id;
      const docCount = big ? 400 : 20;
      const docIds: number[] = [];
      for (let k = 0; k < docCount; k++) {
        const kind = ['markdown', 'csv', 'text', 'xlsx', 'docx', 'pdf'][k % 6]!;
        docIds.push((insertDoc.get(dealId, `folder-${k % 7}/document-${k}.${kind === 'markdown' ? 'md' : kind}`, key('doc', d, k), 20_000 + k, kind) as { id: number }).id);
      }
      for (let r = 1; r <= plan.runsPerDeal; r++) {
        const extra = !big && remainder > 0 ? Math.min(remainder, 10) : 0;
        remainder -= extra;
        const n = perRun + extra;
        const orphan = d === 2 && r === plan.runsPerDeal;
        const startedAt = new Date(baseTime + (d * plan.runsPerDeal + r) * 3_600_000).toISOString();
        const finishedAt = orphan ? null : new Date(Date.parse(startedAt) + 600_000).toISOString();
        const findingsHere = big ? plan.findingsPerRun.big : plan.findingsPerRun.typical;
        const runId = (
          insertRun.get(dealId, r, orphan ? 'running' : 'completed', orphan ? 'documents' : 'done', docCount, docCount, n, 70, findingsHere, orphan ? 999_999_999 : null, orphan ? host : null, startedAt, startedAt, finishedAt) as { id: number }
        ).id;
        if (orphan) orphanRunId = runId;
        counts.runs++;
        const factIds = seedRunFacts({ dealId, runId, n, docIds, random, counts, insertSubject, insertFact, insertEvidence });
        for (let g = 0; g < 70; g++) {
          const severity = SEVERITIES[g % 4]!;
          const domain = DOMAINS[g % DOMAINS.length]!;
          insertGap.run(key('gap', d, g), dealId, runId, `item_${g}`, domain, `Checklist item ${g}: ${domain} evidence`, severity, SEVERITY_RANK[severity], `Please provide the ${domain} document for item ${g}.`, 'No supporting fact.');
          counts.gaps++;
        }
        for (let f = 0; f < findingsHere; f++) {
          const severity = SEVERITIES[Math.floor(random() * 4)]!;
          const findingId = (
            insertFinding.get(
              key('finding', d, f),
              dealId,
              runId,
              `rule_${f % 40}`,
              FINDING_TYPES[Math.floor(random() * FINDING_TYPES.length)]!,
              DOMAINS[Math.floor(random() * DOMAINS.length)]!,
              `${WORDS[f % WORDS.length]} ${f}: end-of-life platform in production`,
              'The platform reaches end of support before the deal closes; plan an upgrade.',
              severity,
              SEVERITY_RANK[severity],
              LENSES[f % LENSES.length]!,
              'Measured against the as-of date.',
            ) as { id: number }
          ).id;
          insertFindingEvidence.run(findingId, factIds[f % factIds.length]!);
          counts.findings++;
        }
      }
    }).immediate();
  }
  const indexStarted = Date.now();
  const indexer = createRepositories(database.db).searchIndex;
  for (const { id } of sqlite.prepare('SELECT id FROM analysis_runs ORDER BY id').all() as Array<{ id: number }>) indexer.indexRun(id);
  const indexSeconds = (Date.now() - indexStarted) / 1000;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  return {
    file,
    ...counts,
    bigDealId: 1,
    typicalDealId: 3,
    orphanRunId,
    factsPerRun: { big: bigPerRun, typical: typicalPerRun },
    seconds: (Date.now() - started) / 1000,
    indexSeconds,
  };
}

interface RunSeed {
  dealId: number;
  runId: number;
  n: number;
  docIds: number[];
  random: () => number;
  counts: { facts: number; evidence: number; subjects: number };
  insertSubject: { run: (...args: unknown[]) => unknown };
  insertFact: { get: (...args: unknown[]) => unknown };
  insertEvidence: { run: (...args: unknown[]) => unknown };
}

/** One run's facts: eight per subject (plus company-level ones), each with one evidence row. */
function seedRunFacts(s: RunSeed): number[] {
  const ids: number[] = [];
  const subjectKeys = new Map<number, { key: string; name: string; kind: string; domain: Domain }>();
  for (let i = 0; i < s.n; i++) {
    const companyLevel = i % 10 === 9;
    const index = Math.floor(i / 8);
    const kindAttrs = ATTRS_BY_KIND[index % ATTRS_BY_KIND.length]!;
    const attr = companyLevel ? COMPANY_ATTRS[Math.floor(i / 10) % COMPANY_ATTRS.length]! : kindAttrs[i % kindAttrs.length]!;
    let subject: { key: string; name: string; kind: string } | null = null;
    if (!companyLevel) {
      let known = subjectKeys.get(index);
      if (!known) {
        const kind = attr.spec.subject!;
        known = { key: key('subj', s.dealId, index), name: `${WORDS[index % WORDS.length]} ${kind.replace(/_/g, ' ')} ${index}`, kind, domain: attr.spec.domain };
        subjectKeys.set(index, known);
        s.insertSubject.run(s.dealId, s.runId, known.key, known.domain, known.kind, known.name);
        s.counts.subjects++;
      }
      subject = known;
    }
    const value = valueFor(attr.spec, s.random);
    const id = (
      s.insertFact.get(
        key('fact', s.dealId, i, attr.name),
        s.dealId,
        s.runId,
        attr.spec.domain,
        attr.spec.domain,
        subject?.key ?? null,
        subject?.kind ?? null,
        subject?.name ?? null,
        attr.name,
        value.type,
        value.text,
        value.number,
        value.currency,
        0.6 + s.random() * 0.4,
      ) as { id: number }
    ).id;
    const row = 2 + (i % LOCATION_KEYS);
    s.insertEvidence.run(id, s.runId, s.docIds[i % s.docIds.length]!, `r${row} i${i}`, row, `| ${subject?.name ?? 'Company'} | ${attr.spec.label} | ${value.text} |`);
    s.counts.facts++;
    s.counts.evidence++;
    ids.push(id);
  }
  return ids;
}

if (process.argv[1]?.endsWith('seed-db.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: seed-db.ts <database file> [total facts]');
  const totalFacts = Number(process.argv[3] ?? DEFAULT_PLAN.totalFacts);
  process.stdout.write(`${JSON.stringify(seedDatabase(file, { ...DEFAULT_PLAN, totalFacts }))}\n`);
}
