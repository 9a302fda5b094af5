import type Database from 'better-sqlite3';
import type { Domain, Entity } from '../../src-shared/domain';
import type { ExtractedFact } from '../analysis/extract/types';
import type { SourceLocation } from '../analysis/parsers/types';
import type { Db } from '../db/open';
import { toStoredValue } from './fact-values';

export interface SubjectInput {
  dealId: number;
  runId: number;
  entity: Entity;
  domain: Domain;
  kind: string;
  name: string;
  /** The name as the document wrote it; recorded as an alias when it differs from `name`. */
  alias: string;
  stableKey: string;
}

export interface FactIdentity {
  dealId: number;
  runId: number;
  entity: Entity;
  stableKey: string;
  subjectKey: string | null;
}

export function locationKey(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.page !== undefined) parts.push(`p${location.page}`);
  if (location.sheet !== undefined) parts.push(`s:${location.sheet}`);
  if (location.row !== undefined) parts.push(`r${location.row}`);
  if (location.line !== undefined) parts.push(`l${location.line}`);
  return parts.join(' ') || 'document';
}

/**
 * The analysis hot path: idempotent upserts of subjects, facts and evidence through statements
 * prepared once per connection. Query building per row cost three times the SQLite work itself
 * (npm run bench:writes), so this path speaks SQL directly; reads stay on the query builder.
 */
export class FactWriter {
  private readonly insertSubject: Database.Statement;
  private readonly subjectAliases: Database.Statement;
  private readonly updateAliases: Database.Statement;
  private readonly upsertFactStmt: Database.Statement;
  private readonly insertEvidence: Database.Statement;
  private readonly raiseEvidenceConfidence: Database.Statement;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.insertSubject = sqlite.prepare(
      `INSERT INTO subjects (deal_id, run_id, stable_key, entity, domain, kind, name, aliases)
       VALUES (@dealId, @runId, @stableKey, @entity, @domain, @kind, @name, @aliases)
       ON CONFLICT (run_id, stable_key) DO NOTHING`,
    );
    this.subjectAliases = sqlite.prepare('SELECT id, name, aliases FROM subjects WHERE run_id = ? AND stable_key = ?');
    this.updateAliases = sqlite.prepare('UPDATE subjects SET aliases = ? WHERE id = ?');
    this.upsertFactStmt = sqlite.prepare(
      `INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute,
                          value_type, value_text, value_number, currency, unit, confidence, derivation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_id, stable_key) DO UPDATE SET confidence = max(facts.confidence, excluded.confidence)
       RETURNING id`,
    );
    this.insertEvidence = sqlite.prepare(
      `INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, page, sheet, row, line, section, quote,
                                  confidence, category, subject_name, written_name, value_text, unit, derivation, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (fact_id, document_id, location_key) DO NOTHING`,
    );
    this.raiseEvidenceConfidence = sqlite.prepare(
      'UPDATE fact_evidence SET confidence = ? WHERE fact_id = ? AND document_id = ? AND location_key = ? AND confidence < ?',
    );
  }

  /** Records a subject once per run; other names it appears under become sorted aliases. */
  upsertSubject(input: SubjectInput): void {
    const aliases = input.alias === input.name ? '[]' : JSON.stringify([input.alias]);
    const { alias, ...values } = input;
    if (this.insertSubject.run({ ...values, aliases }).changes === 1) return;
    const existing = this.subjectAliases.get(input.runId, input.stableKey) as { id: number; name: string; aliases: string };
    const known = new Set<string>(JSON.parse(existing.aliases) as string[]);
    if (alias === existing.name || known.has(alias)) return;
    known.add(alias);
    this.updateAliases.run(JSON.stringify([...known].sort()), existing.id);
  }

  /** Idempotent: keyed by (run, stable key); returns the fact's id. */
  upsertFact(identity: FactIdentity, fact: ExtractedFact): number {
    const value = toStoredValue(fact.value);
    // Positional parameters: binding from an object costs more than the insert itself here.
    const row = this.upsertFactStmt.get(
      identity.stableKey,
      identity.dealId,
      identity.runId,
      identity.entity,
      fact.domain,
      fact.category,
      identity.subjectKey,
      fact.subject?.kind ?? null,
      fact.subject?.name ?? null,
      fact.attribute,
      value.valueType,
      value.valueText,
      value.valueNumber,
      value.currency,
      fact.unit ?? null,
      fact.confidence,
      fact.derivation,
    ) as { id: number };
    return row.id;
  }

  /**
   * Idempotent: one evidence row per (fact, document, location), recording how this place states
   * the fact (wording, subject as written, confidence) and who stated it (null: the rules; else
   * "provider/model" of a language model). Returns true if the row was new.
   */
  addEvidence(factId: number, runId: number, documentId: number, fact: ExtractedFact, writtenName: string | null, source: string | null = null): boolean {
    const { location, quote } = fact.evidence;
    const key = locationKey(location);
    const result = this.insertEvidence.run(
      factId,
      runId,
      documentId,
      key,
      location.page ?? null,
      location.sheet ?? null,
      location.row ?? null,
      location.line ?? null,
      location.section ?? null,
      quote,
      fact.confidence,
      fact.category,
      fact.subject?.name ?? null,
      writtenName,
      toStoredValue(fact.value).valueText,
      fact.unit ?? null,
      fact.derivation,
      source,
    );
    if (result.changes === 1) return true;
    // The same place stating the fact twice (say, through two extractors): the fact row took the
    // higher confidence, so the place's contribution must too, or a copy of it would differ.
    this.raiseEvidenceConfidence.run(fact.confidence, factId, documentId, key, fact.confidence);
    return false;
  }
}
