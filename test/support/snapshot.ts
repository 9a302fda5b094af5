import type Database from 'better-sqlite3';

/**
 * A run's results as comparable content: (stable key, content) rows for subjects, facts with their
 * evidence, gaps and findings with their evidence — free of ids, run numbers and timestamps (evidence is
 * ordered by document path, not id, so databases with different histories compare equal).
 */
export function runContent(sqlite: Database.Database, runId: number): { subjects: unknown[]; facts: unknown[]; gaps: unknown[]; findings: unknown[] } {
  const subjects = sqlite
    .prepare('SELECT stable_key, entity, domain, kind, name, aliases FROM subjects WHERE run_id = ? ORDER BY stable_key')
    .all(runId);
  const facts = sqlite
    .prepare(
      `SELECT f.stable_key, f.entity, f.domain, f.category, f.subject_key, f.subject_kind, f.subject_name, f.attribute,
              f.value_type, f.value_text, f.value_number, f.currency, f.unit, f.confidence, f.derivation,
              (SELECT group_concat(e.relative_path || '@' || e.location_key || '=' || e.quote, char(10))
                 FROM (SELECT d.relative_path, x.location_key, x.quote FROM fact_evidence x JOIN documents d ON d.id = x.document_id
                        WHERE x.fact_id = f.id ORDER BY d.relative_path, x.location_key) e) AS evidence
         FROM facts f WHERE f.run_id = ? ORDER BY f.stable_key`,
    )
    .all(runId);
  const gaps = sqlite
    .prepare('SELECT stable_key, checklist_item, domain, title, kind, importance, request, reasoning, related_fact_keys FROM gaps WHERE run_id = ? ORDER BY stable_key')
    .all(runId);
  const findings = sqlite
    .prepare(
      `SELECT x.stable_key, x.rule_id, x.type, x.domain, x.title, x.description, x.severity, x.lens, x.phase, x.cost_band, x.reasoning, x.subject_keys,
              (SELECT group_concat(k, ',') FROM (
                 SELECT CASE fe.evidence_kind WHEN 'fact' THEN (SELECT stable_key FROM facts WHERE id = fe.ref_id)
                                              ELSE (SELECT stable_key FROM gaps WHERE id = fe.ref_id) END AS k
                   FROM finding_evidence fe WHERE fe.finding_id = x.id ORDER BY k)) AS evidence
         FROM findings x WHERE x.run_id = ? ORDER BY x.stable_key`,
    )
    .all(runId);
  return { subjects, facts, gaps, findings };
}
