import type Database from 'better-sqlite3';
import type { Domain, Entity } from '../../src-shared/domain';
import type { Db } from '../db/open';
import type { FactWriter } from './fact-writer';

export interface ReuseTarget {
  dealId: number;
  runId: number;
  engineVersion: string;
}

interface SubjectContribution {
  entity: Entity;
  domain: Domain;
  kind: string;
  stableKey: string;
  name: string;
  written: string | null;
}

/**
 * Copies an unchanged document's results from an earlier run instead of parsing it again.
 *
 * Exactness matters (invariant 6: a run that reuses must equal a run that parsed). A fact row
 * holds the wording of whichever document wrote it first and the highest confidence of all, so it
 * cannot be copied as is; each evidence row holds its own document's contribution (migration 0002),
 * and the copy replays those contributions in their original order through the same upsert rules
 * the writer applies: the first writer's wording wins, confidence takes the maximum.
 */
export class ResultReuse {
  private readonly findSource: Database.Statement;
  private readonly subjectContributions: Database.Statement;
  private readonly copyFacts: Database.Statement;
  private readonly copyEvidence: Database.Statement;

  constructor(
    db: Db,
    private readonly writer: FactWriter,
  ) {
    const sqlite = db.$client;
    // Only a run by the same engine, that finished the document without error (a language model's
    // failure is asked again, not copied) and the whole run, and that recorded contributions (runs
    // before migration 0002 did not) and the document's text.
    this.findSource = sqlite.prepare(
      `SELECT r.id FROM run_documents rd
         JOIN analysis_runs r ON r.id = rd.run_id
         JOIN documents d ON d.id = rd.document_id
        WHERE rd.document_id = @documentId AND rd.status = 'done'
          AND r.deal_id = @dealId AND r.status = 'completed' AND r.engine_version = @engineVersion AND r.id <> @runId
          AND rd.error IS NULL
          AND d.status = 'parsed' AND d.text_chunks IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM fact_evidence e WHERE e.run_id = r.id AND e.document_id = rd.document_id AND e.confidence IS NULL)
        ORDER BY r.finished_at DESC, r.id DESC
        LIMIT 1`,
    );
    this.subjectContributions = sqlite.prepare(
      `SELECT f.entity, f.domain, f.subject_kind AS kind, f.subject_key AS stableKey, e.subject_name AS name, e.written_name AS written
         FROM fact_evidence e JOIN facts f ON f.id = e.fact_id
        WHERE e.run_id = ? AND e.document_id = ? AND f.subject_key IS NOT NULL
        ORDER BY e.id`,
    );
    // "WHERE … ORDER BY" before ON CONFLICT also keeps SQLite's parser from reading it as a join constraint.
    this.copyFacts = sqlite.prepare(
      `INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute,
                          value_type, value_text, value_number, currency, unit, confidence, derivation)
       SELECT f.stable_key, @dealId, @runId, f.entity, f.domain, e.category, f.subject_key, f.subject_kind, e.subject_name, f.attribute,
              f.value_type, e.value_text, f.value_number, f.currency, e.unit, e.confidence, e.derivation
         FROM fact_evidence e JOIN facts f ON f.id = e.fact_id
        WHERE e.run_id = @sourceRunId AND e.document_id = @documentId
        ORDER BY e.id
       ON CONFLICT (run_id, stable_key) DO UPDATE SET confidence = max(facts.confidence, excluded.confidence)`,
    );
    this.copyEvidence = sqlite.prepare(
      `INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, page, sheet, row, line, section, quote,
                                  confidence, category, subject_name, written_name, value_text, unit, derivation, source)
       SELECT nf.id, @runId, e.document_id, e.location_key, e.page, e.sheet, e.row, e.line, e.section, e.quote,
              e.confidence, e.category, e.subject_name, e.written_name, e.value_text, e.unit, e.derivation, e.source
         FROM fact_evidence e
         JOIN facts f ON f.id = e.fact_id
         JOIN facts nf ON nf.run_id = @runId AND nf.stable_key = f.stable_key
        WHERE e.run_id = @sourceRunId AND e.document_id = @documentId
        ORDER BY e.id
       ON CONFLICT (fact_id, document_id, location_key) DO NOTHING`,
    );
  }

  /** The run to copy a document's results from, or null when it must be parsed. */
  sourceRun(target: ReuseTarget, documentId: number): number | null {
    const row = this.findSource.get({ documentId, dealId: target.dealId, engineVersion: target.engineVersion, runId: target.runId }) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /**
   * Copies one document's subjects, facts and evidence from the source run; returns the number of
   * evidence rows written (what a parse would have counted). Call inside the document's transaction.
   */
  copy(target: { dealId: number; runId: number }, sourceRunId: number, documentId: number): number {
    const subjects = this.subjectContributions.all(sourceRunId, documentId) as SubjectContribution[];
    for (const s of subjects) {
      this.writer.upsertSubject({ dealId: target.dealId, runId: target.runId, entity: s.entity, domain: s.domain, kind: s.kind, name: s.name, alias: s.written ?? s.name, stableKey: s.stableKey });
    }
    const params = { dealId: target.dealId, runId: target.runId, sourceRunId, documentId };
    this.copyFacts.run(params);
    return this.copyEvidence.run(params).changes;
  }
}
