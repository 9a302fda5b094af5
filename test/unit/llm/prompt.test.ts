import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src-shared/domain';
import { ATTRIBUTES } from '../../../src-main/analysis/extract/vocabulary';
import { ANSWER_JSON_SCHEMA, documentParts, MODEL_ATTRIBUTES, SYSTEM_PROMPT } from '../../../src-main/analysis/llm/prompt';

describe('what the model is asked', () => {
  it('requests one list per domain, each restricted to that domain’s attributes of the shared vocabulary', () => {
    const schema = ANSWER_JSON_SCHEMA as { properties: Record<string, { items: { properties: { attribute: { enum: string[] } }; additionalProperties: boolean } }>; required: string[] };
    expect(schema.required).toEqual([...DOMAINS]);
    for (const domain of DOMAINS) {
      const names = schema.properties[domain]!.items.properties.attribute.enum;
      expect(names.length).toBeGreaterThan(3);
      expect(names.every((n) => ATTRIBUTES[n as keyof typeof ATTRIBUTES].domain === domain)).toBe(true);
      expect(schema.properties[domain]!.items.additionalProperties).toBe(false);
    }
    // Figures the engine computes (row counts, column sums) are never the model's to state.
    expect(Object.values(MODEL_ATTRIBUTES).flat()).not.toContain('application_count_computed');
    expect(SYSTEM_PROMPT).toContain('- mfa_coverage: MFA coverage (share of users)');
  });

  it('cuts a document into deterministic parts of bounded size, in order, without splitting a line', () => {
    const chunks = Array.from({ length: 10 }, (_, i) => ({ location: { line: i + 1 }, text: `Line ${i + 1} `.padEnd(60, 'x') }));
    const parts = documentParts(chunks, 200);
    expect(parts.map((p) => p.chunks.map((c) => c.location.line))).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
    expect(documentParts(chunks, 200).map((p) => p.user)).toEqual(parts.map((p) => p.user));
    expect(parts[0]!.user.split('\n').slice(2)).toEqual(chunks.slice(0, 3).map((c) => c.text));
    expect(documentParts([], 200)).toEqual([]);
  });
});
