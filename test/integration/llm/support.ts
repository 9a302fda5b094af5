import type Database from 'better-sqlite3';
import type { LlmConfigInput } from '../../../src-main/analysis/llm/config';
import type { CannedFact } from './fake-openai';

export const MODEL = 'test-model';
export const SOURCE = `openai-compatible/${MODEL}`;

/** Short timeouts and delays: a test waits milliseconds, not minutes, for a retry. */
export function testConfig(url: string, overrides: Partial<LlmConfigInput> = {}): LlmConfigInput {
  return { provider: 'openai-compatible', endpoint: url, model: MODEL, timeoutMs: 400, maxAttempts: 3, retryDelayMs: 5, ...overrides };
}

export const MEMO = [
  '# Operations memo',
  '',
  'Payroll has been outsourced to Northwind Payroll Services since 2019.',
  '',
  'The Northwind Payroll Services agreement runs until 31 March 2027 and renews yearly.',
  '',
  'Roughly three hundred and ten people work for the company across both plants; 310 staff in total.',
  '',
  'Our helpdesk ticketing lives in Zendesk, which about 40 agents use every day.',
  '',
].join('\n');

export const APPS_CSV = 'Application,Vendor,Users\nHarbor CRM,Harborsoft,150\nLedgerline ERP,Ledgerline,420\n';

/** What a faithful model finds in MEMO and APPS_CSV (the rules find nothing in the memo). */
export const FAITHFUL: CannedFact[] = [
  { domain: 'organization', attribute: 'vendor_service', subject: 'Northwind Payroll Services', value: 'Payroll', quote: 'Payroll has been outsourced to Northwind Payroll Services since 2019.' },
  { domain: 'organization', attribute: 'vendor_contract_end', subject: 'Northwind Payroll Services', value: '31 March 2027', quote: 'agreement runs until 31 March 2027' },
  { domain: 'organization', attribute: 'employee_count', subject: null, value: '310', quote: '310 staff in total.' },
  { domain: 'applications', attribute: 'app_users', subject: 'Zendesk', value: '40', quote: 'Zendesk, which   about 40 agents\nuse every day' },
  // A table fact the rules do not read (no category column): located at the row it quotes.
  { domain: 'applications', attribute: 'app_category', subject: 'Harbor CRM', value: 'CRM', quote: 'Harbor CRM | Harborsoft | 150' },
  // The rules' own fact again: a duplicate, the rules' evidence stands.
  { domain: 'applications', attribute: 'app_users', subject: 'Harbor CRM', value: '150', quote: 'Harbor CRM | Harborsoft | 150' },
];

/** Facts a model made up or got wrong. */
export const INVENTED: CannedFact = { domain: 'applications', attribute: 'app_hosting', subject: 'SAP S/4HANA', value: 'SaaS', quote: 'SAP S/4HANA is hosted by the vendor in Frankfurt' };
export const CONFLICTING: CannedFact = { domain: 'applications', attribute: 'app_users', subject: 'Ledgerline ERP', value: '42', quote: 'Ledgerline ERP | Ledgerline | 420' };
export const UNKNOWN_ATTRIBUTE: CannedFact = { domain: 'applications', attribute: 'favourite_colour', subject: 'Zendesk', value: 'green', quote: 'Our helpdesk ticketing lives in Zendesk' };

export interface EvidenceRow {
  path: string;
  attribute: string;
  subject: string | null;
  value: string;
  line: number | null;
  row: number | null;
  quote: string;
  source: string | null;
}

export function evidenceOf(sqlite: Database.Database, runId: number): EvidenceRow[] {
  return sqlite
    .prepare(
      `SELECT d.relative_path AS path, f.attribute, f.subject_name AS subject, f.value_text AS value, e.line, e.row, e.quote, e.source
         FROM fact_evidence e JOIN facts f ON f.id = e.fact_id JOIN documents d ON d.id = e.document_id
        WHERE e.run_id = ? ORDER BY d.relative_path, e.line, f.attribute`,
    )
    .all(runId) as EvidenceRow[];
}

export interface LedgerRow {
  path: string;
  status: string;
  parts: number;
  calls: number;
  cacheHits: number;
  proposed: number;
  kept: number;
  rejectedQuotes: number;
  invalid: number;
  duplicates: number;
  conflicts: number;
  error: string | null;
}

export function ledgerOf(sqlite: Database.Database, runId: number): Map<string, LedgerRow> {
  const rows = sqlite
    .prepare(
      `SELECT d.relative_path AS path, l.status, l.parts, l.calls, l.cache_hits AS cacheHits, l.proposed, l.kept, l.rejected_quotes AS rejectedQuotes,
              l.invalid, l.duplicates, l.conflicts, l.error
         FROM llm_run_documents l JOIN documents d ON d.id = l.document_id WHERE l.run_id = ? ORDER BY d.relative_path`,
    )
    .all(runId) as LedgerRow[];
  return new Map(rows.map((r) => [r.path, r]));
}
