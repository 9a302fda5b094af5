import { describe, expect, it } from 'vitest';
import { mergeModelFacts } from '../../../src-main/analysis/llm/merge';
import type { KeyedFact } from '../../../src-main/analysis/runner/document-step';

function keyed(stableKey: string, attribute: string, line: number, source?: string): KeyedFact {
  return {
    stableKey,
    subjectKey: 'sub_harbor',
    writtenName: 'Harbor CRM',
    ...(source ? { source } : {}),
    fact: {
      domain: 'applications',
      category: 'inventory',
      subject: { kind: 'application', name: 'Harbor CRM' },
      attribute,
      value: { type: 'number', number: line },
      confidence: source ? 0.5 : 0.9,
      derivation: 'stated',
      evidence: { location: { line }, quote: `line ${line}` },
    },
  };
}

describe('merging model facts into the rules’ facts', () => {
  it('lets the rules win: same key is a duplicate, another value read from the same place is a conflict', () => {
    const rules = [keyed('fct_users_150', 'app_users', 6)];
    const model = [
      keyed('fct_users_150', 'app_users', 9, 'm/x'),
      keyed('fct_users_15', 'app_users', 6, 'm/x'),
      keyed('fct_users_160', 'app_users', 12, 'm/x'),
      keyed('fct_vendor', 'app_vendor', 6, 'm/x'),
    ];
    const counts = { kept: 0, duplicates: 0, conflicts: 0 };
    const merged = mergeModelFacts(rules, model, counts);
    expect(counts).toEqual({ kept: 2, duplicates: 1, conflicts: 1 });
    // Rules first, then what the model added: another value stated elsewhere, another attribute.
    expect(merged.map((f) => [f.stableKey, f.source ?? 'rules'])).toEqual([
      ['fct_users_150', 'rules'],
      ['fct_users_160', 'm/x'],
      ['fct_vendor', 'm/x'],
    ]);
  });
});
