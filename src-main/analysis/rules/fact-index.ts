import type { Entity } from '../../../src-shared/domain';
import type { AttributeName } from '../extract/vocabulary';
import type { FactRecord } from './types';

/**
 * Read-only lookups over one run's facts for one entity. Rules ask "which facts state X" many
 * times; the index answers in a stable order (by stable key) so every rule is deterministic
 * whatever order the database returned rows in.
 */
export class FactIndex {
  readonly all: readonly FactRecord[];
  private readonly byAttr = new Map<string, FactRecord[]>();
  private readonly bySubjectKey = new Map<string, FactRecord[]>();

  constructor(facts: readonly FactRecord[], entity: Entity = 'target') {
    this.all = facts.filter((f) => f.entity === entity).sort((a, b) => compare(a.stableKey, b.stableKey));
    for (const fact of this.all) {
      push(this.byAttr, fact.attribute, fact);
      if (fact.subjectKey !== null) push(this.bySubjectKey, fact.subjectKey, fact);
    }
  }

  /** Facts stating `attribute`, about any subject or the company. */
  attr(attribute: AttributeName): readonly FactRecord[] {
    return this.byAttr.get(attribute) ?? [];
  }

  /** Company-level facts (no subject) stating `attribute`. */
  company(attribute: AttributeName): FactRecord[] {
    return this.attr(attribute).filter((f) => f.subjectKey === null);
  }

  /** Every fact about one subject. */
  subject(subjectKey: string): readonly FactRecord[] {
    return this.bySubjectKey.get(subjectKey) ?? [];
  }

  /** The facts about one subject stating `attribute`. */
  subjectAttr(subjectKey: string, attribute: AttributeName): FactRecord[] {
    return this.subject(subjectKey).filter((f) => f.attribute === attribute);
  }

  /** Subject keys of one kind, sorted. */
  subjectsOfKind(kind: string): string[] {
    const keys = new Set<string>();
    for (const fact of this.all) if (fact.subjectKind === kind && fact.subjectKey !== null) keys.add(fact.subjectKey);
    return [...keys].sort(compare);
  }

  /** The name of a subject as the facts give it (first by stable key), for titles. */
  subjectName(subjectKey: string): string {
    return this.subject(subjectKey).find((f) => f.subjectName)?.subjectName ?? 'unnamed';
  }

  has(attribute: AttributeName): boolean {
    return this.attr(attribute).length > 0;
  }
}

function push(map: Map<string, FactRecord[]>, key: string, fact: FactRecord): void {
  const list = map.get(key);
  if (list) list.push(fact);
  else map.set(key, [fact]);
}

/** Plain code-unit comparison: locale-independent, so the order is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable keys of facts, deduplicated and sorted. */
export function keysOf(facts: Iterable<FactRecord>): string[] {
  return [...new Set([...facts].map((f) => f.stableKey))].sort(compare);
}

/** The documents a fact was read from. */
export function documentsOf(fact: FactRecord): Set<number> {
  return new Set(fact.evidence.map((e) => e.documentId));
}

/** Where a fact was stated, for reasoning text: "doc.md p.3" style, first evidence only. */
export function citeFact(fact: FactRecord): string {
  const ev = fact.evidence[0];
  if (!ev) return fact.attribute;
  const loc = ev.location;
  // A table row is cited by its row number (as a spreadsheet shows it), prose by page or line.
  const where = loc.page ? ` p.${loc.page}` : loc.sheet ? ` ${loc.sheet}${loc.row ? ` row ${loc.row}` : ''}` : loc.row ? ` row ${loc.row}` : loc.line ? ` line ${loc.line}` : '';
  return `${ev.documentPath}${where}`;
}
