import type {
  CostBand,
  DealType,
  Domain,
  Entity,
  FindingType,
  GapKind,
  Importance,
  Lens,
  Severity,
  WorkPhase,
} from '../../../src-shared/domain';
import type { FactValue } from '../extract/types';
import type { SourceLocation } from '../parsers/types';

/** A committed fact as rules see it: read back from the database for the run being analysed. */
export interface FactRecord {
  id: number;
  stableKey: string;
  entity: Entity;
  domain: Domain;
  category: string;
  subjectKey: string | null;
  subjectKind: string | null;
  subjectName: string | null;
  attribute: string;
  value: FactValue;
  unit: string | null;
  confidence: number;
  derivation: 'stated' | 'computed';
  evidence: Array<{ documentId: number; documentPath: string; location: SourceLocation; quote: string }>;
}

export interface DealSettings {
  name: string;
  targetName: string | null;
  buyerName: string | null;
  dealType: DealType;
  /** ISO date that "expires in N months" and "past end of life" are measured from. */
  asOfDate: string;
}

export interface GapDraft {
  /** Checklist item id, for example 'APP-01'. The gap's stable key derives from it. */
  checklistItem: string;
  domain: Domain;
  title: string;
  kind: GapKind;
  importance: Importance;
  /** The request the deal team sends to the target, phrased as a question or ask. */
  request: string;
  /** Why the gap was raised: what was looked for and what was (not) found. */
  reasoning: string;
  relatedFactKeys: string[];
}

export interface FindingDraft {
  ruleId: string;
  /** Subject stable keys (or other discriminators) the finding concerns; with ruleId they form its stable key. */
  subjectKeys: string[];
  type: FindingType;
  domain: Domain;
  title: string;
  description: string;
  severity: Severity;
  lens: Lens;
  phase: WorkPhase | null;
  costBand: CostBand | null;
  /** Why it fired: the rule, the facts, the threshold, the as-of date. */
  reasoning: string;
  /** Facts the finding rests on (stable keys). At least one fact or gap is required. */
  factKeys: string[];
  /** Gaps the finding rests on (checklist item ids). */
  gapItems: string[];
}

export interface RuleContext {
  deal: DealSettings;
  facts: readonly FactRecord[];
  /** Gaps already derived for this run (gap derivation runs before findings). */
  gaps: readonly GapDraft[];
}
