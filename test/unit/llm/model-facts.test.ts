import { describe, expect, it } from 'vitest';
import type { ParsedAnswer } from '../../../src-main/analysis/llm/answer';
import { QuoteIndex } from '../../../src-main/analysis/llm/grounding';
import { parseValue, readAnswer } from '../../../src-main/analysis/llm/model-facts';
import { FactSink } from '../../../src-main/analysis/extract/facts';

describe('typing a model value like the rules do', () => {
  it('parses each value type from the written text', () => {
    expect(parseValue('it_headcount', '12 FTEs', '')).toEqual({ type: 'number', number: 12 });
    expect(parseValue('rto_hours', '2 days', '')).toEqual({ type: 'number', number: 48 });
    expect(parseValue('tsa_duration_months', '1 year', '')).toEqual({ type: 'number', number: 12 });
    expect(parseValue('it_budget', '$2.4M', '')).toEqual({ type: 'money', number: 2_400_000, currency: 'USD' });
    expect(parseValue('it_budget', '$50,000/month', '')).toEqual({ type: 'money', number: 600_000, currency: 'USD' });
    expect(parseValue('tsa_monthly_cost', '180000', 'TSA fee of EUR 180,000 per month')).toEqual({ type: 'money', number: 180_000, currency: 'EUR' });
    expect(parseValue('mfa_coverage', '85%', '')).toEqual({ type: 'percent', number: 85 });
    expect(parseValue('mfa_coverage', '185', '')).toBeNull();
    expect(parseValue('app_contract_end', 'March 31, 2027', '')).toEqual({ type: 'date', date: '2027-03-31' });
    expect(parseValue('mfa_enforced', 'true', '')).toEqual({ type: 'boolean', bool: true });
    expect(parseValue('mfa_enforced', 'partly', '')).toBeNull();
    expect(parseValue('last_pen_test', 'never performed', '')).toEqual({ type: 'text', text: 'never' });
    expect(parseValue('security_leader', 'None', '')).toEqual({ type: 'text', text: 'none' });
    expect(parseValue('it_headcount', '', '')).toBeNull();
  });
});

describe('keeping only what the text supports', () => {
  const index = new QuoteIndex([
    { location: { line: 4 }, text: 'The IT team has 12 FTEs and reports to the CFO.' },
    { location: { line: 6 }, text: 'Harbor CRM is used by 150 sales staff.' },
  ]);
  const read = (items: ParsedAnswer['items']) => {
    const sink = new FactSink();
    const counts = { proposed: 0, rejectedQuotes: 0, invalid: 0 };
    readAnswer({ items }, index, sink, counts);
    return { facts: sink.facts, counts };
  };

  it('keeps a grounded fact at its quote’s location with the model’s confidence', () => {
    const { facts, counts } = read([{ domain: 'organization', fact: { attribute: 'it_headcount', subject: null, value: '12', quote: 'The IT team has 12 FTEs' } }]);
    expect(counts).toEqual({ proposed: 1, rejectedQuotes: 0, invalid: 0 });
    expect(facts).toEqual([
      expect.objectContaining({ attribute: 'it_headcount', value: { type: 'number', number: 12 }, unit: 'fte', confidence: 0.5, derivation: 'stated', evidence: { location: { line: 4 }, quote: 'The IT team has 12 FTEs' } }),
    ]);
  });

  it('counts an invented quote apart from other invalid facts', () => {
    const { facts, counts } = read([
      { domain: 'organization', fact: { attribute: 'it_headcount', subject: null, value: '14', quote: 'The IT team has 14 FTEs' } },
      { domain: 'organization', fact: { attribute: 'app_users', subject: 'Harbor CRM', value: '150', quote: 'Harbor CRM is used by 150 sales staff.' } },
      { domain: 'applications', fact: { attribute: 'made_up', subject: null, value: 'x', quote: 'Harbor CRM is used by 150 sales staff.' } },
      { domain: 'applications', fact: null },
    ]);
    expect(facts).toEqual([]);
    // Wrong domain, unknown attribute and no fact shape are invalid; the made-up quote is rejected.
    expect(counts).toEqual({ proposed: 4, rejectedQuotes: 1, invalid: 3 });
  });

  it('rejects a real quote with a value it does not state, and a subject the text never names', () => {
    const { facts, counts } = read([
      { domain: 'organization', fact: { attribute: 'it_headcount', subject: null, value: '40', quote: 'The IT team has 12 FTEs' } },
      { domain: 'applications', fact: { attribute: 'app_users', subject: 'Salesforce', value: '150', quote: 'Harbor CRM is used by 150 sales staff.' } },
      { domain: 'applications', fact: { attribute: 'app_users', subject: null, value: '150', quote: 'Harbor CRM is used by 150 sales staff.' } },
      { domain: 'organization', fact: { attribute: 'it_leader', subject: null, value: 'Chief Information Officer', quote: 'reports to the CFO.' } },
    ]);
    expect(facts).toEqual([]);
    expect(counts.invalid).toBe(4);
  });
});
