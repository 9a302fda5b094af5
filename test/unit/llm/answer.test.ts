import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src-main/analysis/llm/answer';

describe('reading a model answer', () => {
  it('reads facts per domain, in order, and marks items without the fact shape', () => {
    const answer = parseAnswer(
      JSON.stringify({
        applications: [{ attribute: 'app_users', subject: 'Harbor CRM', value: 150, quote: 'Harbor CRM | 150' }],
        cybersecurity: [{ attribute: 'mfa_enforced', subject: null, value: true, quote: 'MFA is enforced' }, { nonsense: 1 }],
      }),
    );
    expect(answer?.items).toEqual([
      { domain: 'applications', fact: { attribute: 'app_users', subject: 'Harbor CRM', value: '150', quote: 'Harbor CRM | 150' } },
      { domain: 'cybersecurity', fact: { attribute: 'mfa_enforced', subject: null, value: 'true', quote: 'MFA is enforced' } },
      { domain: 'cybersecurity', fact: null },
    ]);
  });

  it('accepts JSON in a Markdown fence, and an answer with empty lists', () => {
    expect(parseAnswer('```json\n{"network": []}\n```')?.items).toEqual([]);
  });

  it('calls malformed what is not JSON, not an object, or has no domain lists', () => {
    for (const content of ['Sure! {"applications": [', '[]', '"text"', '{}', '{"facts": []}', '{"applications": {}}', 'null']) {
      expect(parseAnswer(content), content).toBeNull();
    }
  });
});
