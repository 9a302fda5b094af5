import type { Domain } from '../../../src-shared/domain';
import type { SourceLocation } from '../parsers/types';

/** A typed value. Money is an amount in `currency`; dates are ISO (YYYY-MM-DD, or YYYY-MM / YYYY when only that is stated). */
export type FactValue =
  | { type: 'text'; text: string }
  | { type: 'number'; number: number }
  | { type: 'money'; number: number; currency: string }
  | { type: 'percent'; number: number }
  | { type: 'date'; date: string }
  | { type: 'boolean'; bool: boolean };

/**
 * What a fact is about. Known kinds: application, server, network_device, database, data_center,
 * cloud_provider, vendor, team, role, site, certification, platform, integration, tsa_service.
 * A null subject means the fact is about the company (the document's entity) itself.
 */
export interface SubjectRef {
  kind: string;
  name: string;
}

export interface FactEvidence {
  location: SourceLocation;
  /** Verbatim text from the source (a table row joined with ' | ', or the sentence/line). Citation markers removed. */
  quote: string;
}

/** One fact as the extractor produces it from one place in one document. */
export interface ExtractedFact {
  domain: Domain;
  /** Grouping within the domain: inventory, staffing, budget, security_control, backup, dr, certification, hosting… */
  category: string;
  subject: SubjectRef | null;
  /** snake_case attribute name: vendor, version, hosting, users, annual_cost, it_headcount, mfa_coverage… */
  attribute: string;
  value: FactValue;
  /** Unit for numbers: fte, users, vms, servers, per_year, tb… */
  unit?: string;
  /** 0..1; tables with recognised headers are high, loose prose patterns lower. */
  confidence: number;
  /** 'computed' for figures the engine derived (for example a column sum), 'stated' otherwise. */
  derivation: 'stated' | 'computed';
  evidence: FactEvidence;
}
