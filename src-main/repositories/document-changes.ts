import { asc, eq } from 'drizzle-orm';
import { analysisRuns, documents, runDocuments } from '../db/schema';
import { BaseRepository } from './base';

export type DocumentChangeKind = 'new' | 'changed' | 'unchanged' | 'removed';

export interface DocumentChange {
  relativePath: string;
  change: DocumentChangeKind;
  /** The document in the later run (null when removed). */
  documentId: number | null;
  /** The document at the same path in the earlier run (null when new). */
  previousDocumentId: number | null;
  version: number | null;
  /** For a run's own ledger: the run its unchanged results were copied from (null when parsed). */
  reusedFromRunId: number | null;
}

interface DocRef {
  id: number;
  version: number;
}

const ORDER: Record<DocumentChangeKind, number> = { new: 0, changed: 1, removed: 2, unchanged: 3 };

/** Which documents differ between runs, matched by data-room path (a file's identity across runs). */
export class DocumentChangesRepository extends BaseRepository {
  /**
   * A run's documents against its baseline (the deal's latest completed run when it started), as
   * recorded at ingest, plus the baseline's documents the run no longer has. Path order.
   */
  ofRun(runId: number): DocumentChange[] {
    const run = this.db.select({ baseline: analysisRuns.baselineRunId }).from(analysisRuns).where(eq(analysisRuns.id, runId)).get();
    if (!run) return [];
    const before = run.baseline === null ? new Map<string, DocRef>() : this.pathsOf(run.baseline);
    const rows = this.db
      .select({ id: documents.id, path: documents.relativePath, version: documents.version, change: runDocuments.change, reused: runDocuments.reusedFromRunId })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(eq(runDocuments.runId, runId))
      .orderBy(asc(documents.relativePath))
      .all();
    const seen = new Set<string>();
    const changes: DocumentChange[] = rows.map((r) => {
      seen.add(r.path);
      const previous = before.get(r.path)?.id ?? null;
      // Runs from before migration 0002 have no recorded change; derive it the same way ingest does.
      const change = r.change ?? (previous === null ? 'new' : previous === r.id ? 'unchanged' : 'changed');
      return { relativePath: r.path, change, documentId: r.id, previousDocumentId: previous, version: r.version, reusedFromRunId: r.reused };
    });
    for (const [path, doc] of before) {
      if (!seen.has(path)) changes.push({ relativePath: path, change: 'removed', documentId: null, previousDocumentId: doc.id, version: null, reusedFromRunId: null });
    }
    return changes.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  }

  /** Documents of run B against run A (any two runs of a deal), by path. Unchanged ones are omitted unless asked. */
  between(runA: number, runB: number, options: { includeUnchanged?: boolean } = {}): DocumentChange[] {
    const a = this.pathsOf(runA);
    const b = this.pathsOf(runB);
    const changes: DocumentChange[] = [];
    for (const [path, doc] of b) {
      const previous = a.get(path)?.id ?? null;
      const change: DocumentChangeKind = previous === null ? 'new' : previous === doc.id ? 'unchanged' : 'changed';
      if (change !== 'unchanged' || options.includeUnchanged) {
        changes.push({ relativePath: path, change, documentId: doc.id, previousDocumentId: previous, version: doc.version, reusedFromRunId: null });
      }
    }
    for (const [path, doc] of a) {
      if (!b.has(path)) changes.push({ relativePath: path, change: 'removed', documentId: null, previousDocumentId: doc.id, version: null, reusedFromRunId: null });
    }
    return changes.sort((x, y) => ORDER[x.change] - ORDER[y.change] || (x.relativePath < y.relativePath ? -1 : 1));
  }

  private pathsOf(runId: number): Map<string, DocRef> {
    const rows = this.db
      .select({ id: documents.id, path: documents.relativePath, version: documents.version })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(eq(runDocuments.runId, runId))
      .all();
    return new Map(rows.map((r) => [r.path, { id: r.id, version: r.version }]));
  }
}
