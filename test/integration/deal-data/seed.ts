import type Database from 'better-sqlite3';
import { SEVERITY_RANK, type Domain, type Severity } from '../../../src-shared/domain';

// Synthetic rows written straight through prepared statements (fast, and independent of the
// analysis write path): what a run leaves in the database, in the schema's own columns.

export interface Seeder {
  deal(name: string): number;
  run(dealId: number, status: 'running' | 'completed' | 'failed' | 'cancelled' | 'interrupted', options?: { finishedAt?: string; docs?: number }): { id: number; runNumber: number };
  finish(runId: number, status: 'completed' | 'failed', finishedAt?: string): void;
  document(dealId: number, runId: number, relativePath: string, runStatus?: 'pending' | 'done' | 'failed'): number;
  subject(dealId: number, runId: number, domain: Domain, kind: string, name: string, aliases?: string[]): string;
  fact(row: { dealId: number; runId: number; domain: Domain; attribute: string; value: string; number?: number | null; subjectKey?: string | null; subjectKind?: string | null; subjectName?: string | null; key?: string; category?: string }): number;
  evidence(factId: number, runId: number, documentId: number, quote: string, line?: number): void;
  gap(row: { dealId: number; runId: number; domain: Domain; item: string; importance: Severity; title?: string }): number;
  finding(row: { dealId: number; runId: number; domain: Domain; title: string; severity: Severity; type?: string; key?: string }): number;
  cite(findingId: number, kind: 'fact' | 'gap', refId: number): void;
}

export function seeder(sqlite: Database.Database): Seeder {
  const now = () => new Date().toISOString();
  const insertDeal = sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date, data_room_path) VALUES (?, 'acquisition', '2026-06-30', '/tmp/room')");
  const nextRun = sqlite.prepare('SELECT coalesce(max(run_number), 0) + 1 FROM analysis_runs WHERE deal_id = ?').pluck();
  const insertRun = sqlite.prepare(
    `INSERT INTO analysis_runs (deal_id, run_number, status, engine_version, settings, phase, docs_total, docs_done, owner_pid, owner_host, started_at, heartbeat_at, finished_at)
     VALUES (?, ?, ?, 'test', '{}', ?, ?, ?, ?, 'test-host', ?, ?, ?)`,
  );
  const finishRun = sqlite.prepare("UPDATE analysis_runs SET status = ?, phase = 'done', finished_at = ? WHERE id = ?");
  const insertDoc = sqlite.prepare("INSERT INTO documents (deal_id, entity, relative_path, sha256, size_bytes, kind, status, version) VALUES (?, 'target', ?, ?, 100, 'markdown', 'parsed', 1)");
  const insertLedger = sqlite.prepare('INSERT INTO run_documents (run_id, document_id, status, evidence_count) VALUES (?, ?, ?, 0)');
  const insertSubject = sqlite.prepare("INSERT INTO subjects (deal_id, run_id, stable_key, entity, domain, kind, name, aliases) VALUES (?, ?, ?, 'target', ?, ?, ?, ?)");
  const insertFact = sqlite.prepare(
    `INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute, value_type, value_text, value_number, confidence, derivation)
     VALUES (?, ?, ?, 'target', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.9, 'stated')`,
  );
  const insertEvidence = sqlite.prepare("INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, line, quote) VALUES (?, ?, ?, ?, ?, ?)");
  const insertGap = sqlite.prepare(
    `INSERT INTO gaps (stable_key, deal_id, run_id, checklist_item, domain, title, kind, importance, importance_rank, request, reasoning)
     VALUES (?, ?, ?, ?, ?, ?, 'missing', ?, ?, 'Please provide it.', 'Nothing found.')`,
  );
  const insertFinding = sqlite.prepare(
    `INSERT INTO findings (stable_key, deal_id, run_id, rule_id, type, domain, title, description, severity, severity_rank, lens, reasoning)
     VALUES (?, ?, ?, 'rule.test', ?, ?, ?, 'Description.', ?, ?, 'day_1_continuity', 'Because.')`,
  );
  const insertCite = sqlite.prepare('INSERT INTO finding_evidence (finding_id, evidence_kind, ref_id) VALUES (?, ?, ?)');
  let counter = 0;
  return {
    deal: (name) => Number(insertDeal.run(name).lastInsertRowid),
    run(dealId, status, options = {}) {
      const runNumber = nextRun.get(dealId) as number;
      const t = now();
      const finished = status === 'running' ? null : (options.finishedAt ?? t);
      const id = Number(insertRun.run(dealId, runNumber, status, status === 'running' ? 'documents' : 'done', options.docs ?? 0, 0, process.pid, t, t, finished).lastInsertRowid);
      return { id, runNumber };
    },
    finish: (runId, status, finishedAt) => void finishRun.run(status, finishedAt ?? now(), runId),
    document(dealId, runId, relativePath, runStatus = 'done') {
      const id = Number(insertDoc.run(dealId, relativePath, `sha-${relativePath}-${counter++}`).lastInsertRowid);
      insertLedger.run(runId, id, runStatus);
      return id;
    },
    subject(dealId, runId, domain, kind, name, aliases = []) {
      const key = `sub_${kind}_${name.toLowerCase()}`;
      insertSubject.run(dealId, runId, key, domain, kind, name, JSON.stringify(aliases));
      return key;
    },
    fact(r) {
      const key = r.key ?? `fct_${counter++}`;
      const isNumber = r.number !== undefined && r.number !== null;
      return Number(
        insertFact.run(key, r.dealId, r.runId, r.domain, r.category ?? 'inventory', r.subjectKey ?? null, r.subjectKind ?? null, r.subjectName ?? null, r.attribute, isNumber ? 'number' : 'text', r.value, r.number ?? null)
          .lastInsertRowid,
      );
    },
    evidence: (factId, runId, documentId, quote, line = 1) => void insertEvidence.run(factId, runId, documentId, `l${line}`, line, quote),
    gap: (r) => Number(insertGap.run(`gap_${r.item}`, r.dealId, r.runId, r.item, r.domain, r.title ?? `Gap ${r.item}`, r.importance, SEVERITY_RANK[r.importance]).lastInsertRowid),
    finding: (r) =>
      Number(insertFinding.run(r.key ?? `fnd_${counter++}`, r.dealId, r.runId, r.type ?? 'risk', r.domain, r.title, r.severity, SEVERITY_RANK[r.severity]).lastInsertRowid),
    cite: (findingId, kind, refId) => void insertCite.run(findingId, kind, refId),
  };
}
