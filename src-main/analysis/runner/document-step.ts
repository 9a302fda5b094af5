import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppDatabase } from '../../db/open';
import type { Repositories } from '../../repositories';
import type { DocumentRow } from '../../repositories/documents';
import { extractFacts } from '../extract';
import type { ExtractedFact } from '../extract/types';
import { factKey, subjectKey } from '../keys';
import { canonicalSubjectName } from '../knowledge/aliases';
import { recordModelOutcome, withModelFacts, type LlmExtractor, type ModelOutcome } from '../llm';
import { DocumentParseError, MAX_DOCUMENT_BYTES, parseDocument, type ParsedDocument } from '../parsers';
import { textChunks, type TextChunk } from './document-text';

/** A fact with its stable identity resolved: canonical subject name and content-derived keys. */
export interface KeyedFact {
  fact: ExtractedFact;
  subjectKey: string | null;
  /** The name as the document wrote it, kept as an alias of the canonical subject. */
  writtenName: string | null;
  stableKey: string;
  /** "provider/model" for a fact a language model stated; absent for the rules' facts. */
  source?: string;
}

export interface AnalysedDocument {
  outcome: DocumentOutcome;
  facts: KeyedFact[];
  /** The document's located text, stored with its facts for full-text search. */
  chunks: TextChunk[];
  /** What the optional language model did for this document, when it is on. */
  model?: ModelOutcome;
}

export type DocumentOutcome =
  | { status: 'done'; evidenceCount: number; pageCount: number | null }
  | { status: 'failed'; code: string; error: string };

/**
 * Reads, parses and extracts one document, outside any transaction (parsing is async and may be
 * slow). Bad input becomes a failed outcome with a specific message; it never throws.
 */
export async function analyseDocument(root: string, doc: DocumentRow, model: LlmExtractor | null = null): Promise<AnalysedDocument> {
  const file = path.join(root, ...doc.relativePath.split('/'));
  const fail = (code: string, error: string): AnalysedDocument => ({ outcome: { status: 'failed', code, error }, facts: [], chunks: [] });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > MAX_DOCUMENT_BYTES) {
      return fail('too_large', `The file is ${Math.round(info.size / 1e6)} MB, over the ${Math.round(MAX_DOCUMENT_BYTES / 1e6)} MB limit for one document.`);
    }
    bytes = await readFile(file);
  } catch (error) {
    return fail('unreadable', `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) {
    return fail('changed_during_run', 'The file changed while the analysis was running; run the analysis again to include the new version.');
  }
  let parsed: ParsedDocument;
  try {
    parsed = await parseDocument(bytes, doc.kind, path.basename(file));
  } catch (error) {
    if (error instanceof DocumentParseError) return fail(error.code, error.message);
    return fail('parser_error', `The parser failed on this file: ${(error as Error).message}`);
  }
  let facts: KeyedFact[];
  let chunks: TextChunk[];
  try {
    facts = extractFacts(parsed).map((f) => withKeys(doc, f));
    chunks = textChunks(parsed);
  } catch (error) {
    return fail('extractor_error', `Fact extraction failed on this file: ${(error as Error).message}`);
  }
  const outcome: DocumentOutcome = { status: 'done', evidenceCount: 0, pageCount: parsed.pageCount };
  if (!model) return { outcome, facts, chunks };
  // After the rules, still outside any transaction: the model's calls may take minutes.
  const merged = await withModelFacts(model, doc.sha256, chunks, facts, (f) => withKeys(doc, f));
  return { outcome, facts: merged.facts, chunks, model: merged.model };
}

/**
 * Commits a document's facts, its status and its "done in this run" mark in one transaction
 * (DESIGN invariant 3): after a crash the document is either fully present or absent.
 */
export function commitDocument(
  database: AppDatabase,
  repos: Repositories,
  ids: { dealId: number; runId: number },
  doc: DocumentRow,
  analysed: AnalysedDocument,
): number {
  const { outcome } = analysed;
  database.assertFileUnchanged();
  return database.sqlite.transaction(() => {
    if (outcome.status === 'failed') {
      repos.documents.markFailed(doc.id, outcome.code, outcome.error);
      repos.documentText.clear(doc.id);
      repos.runs.markDocument(ids.runId, doc.id, 'failed', 0, outcome.error);
      return 0;
    }
    let evidenceCount = 0;
    // A table row gives several facts about one subject: record each subject (and alias) once.
    const subjectsWritten = new Set<string>();
    for (const fact of analysed.facts) {
      if (writeFact(repos, ids, doc, fact, subjectsWritten)) evidenceCount += 1;
    }
    repos.documentText.replace(doc.id, analysed.chunks);
    repos.documents.markParsed(doc.id, outcome.pageCount);
    if (analysed.model) recordModelOutcome(database.sqlite, ids.runId, doc.id, analysed.model);
    // A model failure is the document's error, but the rules' facts stand: the document is done.
    repos.runs.markDocument(ids.runId, doc.id, 'done', evidenceCount, analysed.model?.record.error ?? null);
    return evidenceCount;
  }).immediate();
}

/**
 * Commits an unchanged document by copying its results from an earlier run (no read, no parse),
 * with its "done in this run" mark, in one transaction like a parsed one (invariant 3).
 */
export function commitReusedDocument(database: AppDatabase, repos: Repositories, ids: { dealId: number; runId: number }, doc: DocumentRow, sourceRunId: number): number {
  database.assertFileUnchanged();
  return database.sqlite.transaction(() => {
    const evidenceCount = repos.reuse.copy(ids, sourceRunId, doc.id);
    repos.runs.markDocument(ids.runId, doc.id, 'done', evidenceCount, null, sourceRunId);
    return evidenceCount;
  }).immediate();
}

/** Resolves a fact's identity (DESIGN invariant 4): canonical subject, subject key, fact key. */
function withKeys(doc: DocumentRow, fact: ExtractedFact): KeyedFact {
  if (!fact.subject) {
    return { fact, subjectKey: null, writtenName: null, stableKey: factKey(doc.entity, fact.domain, null, fact.attribute, fact.value) };
  }
  const canonical = canonicalSubjectName(fact.subject.kind, fact.subject.name);
  const subject = subjectKey(doc.entity, fact.domain, fact.subject.kind, canonical);
  return {
    fact: { ...fact, subject: { kind: fact.subject.kind, name: canonical } },
    subjectKey: subject,
    writtenName: fact.subject.name,
    stableKey: factKey(doc.entity, fact.domain, subject, fact.attribute, fact.value),
  };
}

export function writeFact(
  repos: Repositories,
  ids: { dealId: number; runId: number },
  doc: DocumentRow,
  keyed: KeyedFact,
  subjectsWritten = new Set<string>(),
): boolean {
  const { fact, subjectKey: subject, stableKey } = keyed;
  const entity = doc.entity;
  const subjectEntry = `${subject}\u0000${keyed.writtenName}`;
  if (fact.subject && subject && !subjectsWritten.has(subjectEntry)) {
    subjectsWritten.add(subjectEntry);
    repos.factWriter.upsertSubject({ ...ids, entity, domain: fact.domain, kind: fact.subject.kind, name: fact.subject.name, alias: keyed.writtenName ?? fact.subject.name, stableKey: subject });
  }
  const factId = repos.factWriter.upsertFact({ ...ids, entity, stableKey, subjectKey: subject }, fact);
  return repos.factWriter.addEvidence(factId, ids.runId, doc.id, fact, keyed.writtenName, keyed.source ?? null);
}
