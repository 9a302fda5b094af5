import type { CostBand, Domain, FindingType, Lens, Severity, WorkPhase } from '../../../src-shared/domain';
import { SEVERITY_RANK } from '../../../src-shared/domain';
import { compare, FactIndex, keysOf } from './fact-index';
import type { DealSettings, FactRecord, FindingDraft, GapDraft, RuleContext } from './types';

/** What every finding rule receives: the deal, the target's and the buyer's facts indexed, and the gaps. */
export interface RuleEnv {
  deal: DealSettings;
  facts: FactIndex;
  /** Facts from buyer documents (empty when the data room has none). */
  buyer: FactIndex;
  gaps: ReadonlyMap<string, GapDraft>;
}

export function ruleEnv(ctx: RuleContext): RuleEnv {
  return {
    deal: ctx.deal,
    facts: new FactIndex(ctx.facts, 'target'),
    buyer: new FactIndex(ctx.facts, 'buyer'),
    gaps: new Map(ctx.gaps.map((g) => [g.checklistItem, g])),
  };
}

export interface FindingInput {
  ruleId: string;
  subjectKeys: string[];
  type: FindingType;
  domain: Domain;
  title: string;
  description: string;
  severity: Severity;
  lens: Lens;
  phase?: WorkPhase | null;
  costBand?: CostBand | null;
  /** What the rule checked and what it found; the threshold and as-of date are appended. */
  because: string;
  threshold: string;
  asOfDate: string;
  facts?: Iterable<FactRecord>;
  gapItems?: string[];
}

/** Builds a draft with sorted, de-duplicated citations and reasoning in one consistent shape. */
export function finding(input: FindingInput): FindingDraft {
  return {
    ruleId: input.ruleId,
    subjectKeys: [...new Set(input.subjectKeys)].sort(compare),
    type: input.type,
    domain: input.domain,
    title: input.title,
    description: input.description,
    severity: input.severity,
    lens: input.lens,
    phase: input.phase ?? null,
    costBand: input.costBand ?? null,
    reasoning: `Rule ${input.ruleId}: ${input.because} Threshold: ${input.threshold}. As of ${input.asOfDate}.`,
    factKeys: keysOf(input.facts ?? []),
    gapItems: [...new Set(input.gapItems ?? [])].sort(compare),
  };
}

/** Company-level subject discriminator, so company findings still have stable keys. */
export function companySubject(topic: string): string {
  return `company:target:${topic}`;
}

export function sortFindings(findings: FindingDraft[]): FindingDraft[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.subjectKeys.join('\u001f'), b.subjectKeys.join('\u001f')) ||
      compare(a.type, b.type),
  );
}

/** The more serious of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}
