import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import { interleaveQuotes, leadingQuotes } from '../../../src-main/analysis/rules/evidence-order';
import type { FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { deal, fact } from './fixtures';

// Findings show at most 3 quotes (2 in list views). Their first quotes must prove each side of
// what the finding compares: one quote per cited fact before any fact gets a second one.

type Q = { documentPath: string; location: string; quote: string };
const q = (documentPath: string, location: string, quote: string): Q => ({ documentPath, location, quote });

/** A fact stated in several places: its evidence in path/location order, as the database returns it. */
function stated(f: FactRecord, places: Array<[string, number, string]>): FactRecord {
  return { ...f, evidence: places.map(([path, line, quote], i) => ({ documentId: i + 1, documentPath: path, location: { line }, quote })) };
}

/** The quotes a list view would show for a draft: cited facts in id order, round by round. */
function shown(draft: FindingDraft, facts: readonly FactRecord[], limit: number): string[] {
  const cited = facts.filter((f) => draft.factKeys.includes(f.stableKey)).sort((a, b) => a.id - b.id);
  const groups = cited.map((f) => f.evidence.map((e) => q(e.documentPath, `line ${e.location.line ?? 0}`, e.quote)));
  return interleaveQuotes(groups, limit).map((x) => x.quote);
}

function run(facts: FactRecord[], dealType: 'acquisition' | 'carve_out' = 'acquisition'): FindingDraft[] {
  const settings = deal(dealType);
  return deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) });
}

describe('leading quotes', () => {
  it('gives every cited fact one quote before any fact gets a second', () => {
    const sentinel = [q('doc1.md', 'line 25', 'Endpoint: SentinelOne'), q('doc5.md', 'line 17', 'Endpoint Protection | SentinelOne')];
    const crowdstrike = [q('doc2.md', 'line 73', 'CrowdStrike Falcon | Security'), q('profile.pdf', 'page 4', 'CrowdStrike Falcon')];
    expect(interleaveQuotes([sentinel, crowdstrike], 2).map((x) => x.quote)).toEqual(['Endpoint: SentinelOne', 'CrowdStrike Falcon | Security']);
    expect(interleaveQuotes([sentinel, crowdstrike], 3).map((x) => x.quote)).toEqual(['Endpoint: SentinelOne', 'CrowdStrike Falcon | Security', 'Endpoint Protection | SentinelOne']);
  });

  it('shows a place once, and lets a fact whose first place is taken use its next one in the same round', () => {
    const shared = q('doc1.md', 'line 25', 'SIEM: Elastic SIEM; Email: Mimecast');
    const a = [shared, q('doc5.md', 'line 18', 'SIEM | Elastic SIEM')];
    const b = [shared, q('doc2.md', 'line 80', 'Splunk Enterprise Security')];
    expect(interleaveQuotes([a, b], 3).map((x) => x.quote)).toEqual([shared.quote, 'Splunk Enterprise Security', 'SIEM | Elastic SIEM']);
  });

  it('is capped, deterministic, and reads a fact only when a round reaches it', () => {
    const read: number[] = [];
    const groups = Array.from({ length: 100 }, (_, i) => [q(`doc${i}.md`, 'line 1', `row ${i}`)]);
    const first = leadingQuotes(groups.length, (i) => (read.push(i), groups[i] ?? []), 3);
    expect(first.map((x) => x.quote)).toEqual(['row 0', 'row 1', 'row 2']);
    expect(read).toEqual([0, 1, 2]);
    expect(interleaveQuotes(groups, 3)).toEqual(first);
    expect(interleaveQuotes([], 3)).toEqual([]);
  });
});

describe('the quotes of findings that compare', () => {
  it('EDR on two platforms shows both products in the first two quotes', () => {
    const facts = [
      stated(fact('edr_product', 'SentinelOne', { line: 25 }), [['doc1.md', 25, 'Endpoint: SentinelOne'], ['doc5.md', 17, 'Endpoint Protection | SentinelOne']]),
      stated(fact('edr_product', 'CrowdStrike Falcon', { line: 73 }), [['doc1.md', 73, 'CrowdStrike Falcon | Security | 1,930'], ['profile.pdf', 4, 'CrowdStrike Falcon | Security']]),
    ];
    const [dup] = run(facts).filter((f) => f.ruleId === 'apps.duplicate_platform');
    expect(dup).toBeDefined();
    const quotes = shown(dup as FindingDraft, facts, 2);
    expect(quotes.some((x) => x.includes('SentinelOne'))).toBe(true);
    expect(quotes.some((x) => x.includes('CrowdStrike'))).toBe(true);
  });

  it('"IT staff 14 vs 16" shows the 16 even when the 14 is stated twice', () => {
    const facts = [
      stated(fact('it_headcount', 14, { doc: 1 }), [['doc1.md', 4, 'IT staff: 14'], ['doc2.md', 9, 'Total IT headcount 14']]),
      stated(fact('it_headcount', 16, { doc: 3 }), [['doc3.md', 2, 'IT team of 16']]),
    ];
    const [disagree] = run(facts).filter((f) => f.ruleId === 'consistency.figure');
    expect(disagree).toBeDefined();
    expect(shown(disagree as FindingDraft, facts, 2)).toEqual(['IT staff: 14', 'IT team of 16']);
  });

  it('a stated total against the rows shows the stated total and the rows, not the total three times', () => {
    const total = stated(fact('app_total_annual_cost', 7_183_701), [
      ['doc1.md', 17, 'total annual app cost $7,183,701'], ['doc1.md', 49, 'App annual cost | $7,183,701'], ['doc2.md', 103, 'Total cost = $7,183,701'],
    ]);
    const rows = stated(fact('app_total_annual_cost_computed', 7_183_698, { derivation: 'computed' }), [['doc2.md', 48, 'Application | Vendor | Category | Annual Cost']]);
    const [finding] = run([total, rows]).filter((f) => f.ruleId === 'consistency.total');
    expect(finding?.severity).toBe('low');
    expect(finding?.reasoning).toContain('stated $7,183,701');
    expect(finding?.reasoning).toContain('sum of rows $7,183,698');
    expect(shown(finding as FindingDraft, [total, rows], 2)).toEqual(['total annual app cost $7,183,701', 'Application | Vendor | Category | Annual Cost']);
  });
});
