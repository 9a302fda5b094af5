// The one place facts are made: attribute names, domains, subject kinds and value types are checked
// against the shared vocabulary, values are scrubbed, and repeats from the same place are dropped.

import { normalizeName, normalizeValue } from '../keys';
import type { SourceLocation } from '../parsers/types';
import type { ExtractedFact, FactValue, SubjectRef } from './types';
import { ATTRIBUTES } from './vocabulary';
import type { AttributeName } from './vocabulary';
import { cleanText } from './values';

/** Grouping within a domain, by attribute; anything not listed falls back to its domain's default. */
const CATEGORY: Partial<Record<AttributeName, string>> = {
  application_count: 'inventory',
  application_count_computed: 'inventory',
  app_total_annual_cost: 'cost',
  app_total_annual_cost_computed: 'cost',
  data_center_location: 'hosting',
  data_center_type: 'hosting',
  data_center_contract_end: 'hosting',
  data_center_risk: 'hosting',
  cloud_provider_used: 'hosting',
  cloud_monthly_spend: 'hosting',
  backup_product: 'backup',
  backup_retention: 'backup',
  backup_offsite_or_immutable: 'backup',
  last_restore_test: 'backup',
  backup_scope_gap: 'backup',
  rto_actual_hours: 'dr',
  hosting_model: 'hosting',
  infra_spend: 'budget',
  it_personnel_cost: 'budget',
  deferred_investment: 'budget',
  change_of_control: 'contracts',
  licence_exposure: 'licensing',
  it_attrition: 'staffing',
  dr_site: 'dr',
  dr_in_place: 'dr',
  rto_hours: 'dr',
  rpo_hours: 'dr',
  last_dr_test: 'dr',
  end_user_device_count: 'end_user',
  mdm_product: 'end_user',
  monitoring_tool: 'operations',
  architecture_docs: 'documentation',
  stated_end_of_support: 'lifecycle',
  security_leader: 'security_organization',
  security_team_size: 'security_organization',
  soc_model: 'security_organization',
  last_pen_test: 'assurance',
  incident_response_plan: 'assurance',
  security_incident: 'incident',
  cyber_insurance: 'compliance',
  data_residency: 'compliance',
  certification_status: 'certification',
  certification_expiry: 'certification',
  directory_service: 'identity_platform',
  sso_product: 'identity_platform',
  pam_product: 'identity_platform',
  employee_count: 'company',
  revenue: 'company',
  location_count: 'company',
  it_budget: 'budget',
  it_capex: 'budget',
  it_opex: 'budget',
  vendor_service: 'vendor',
  vendor_contract_end: 'vendor',
  tsa_provider: 'tsa',
  tsa_duration_months: 'tsa',
  tsa_monthly_cost: 'tsa',
  tsa_exit_plan: 'tsa',
  parent_provided_service: 'tsa',
};

const DEFAULT_CATEGORY: Record<string, string> = {
  applications: 'platform',
  infrastructure: 'compute',
  network: 'network',
  cybersecurity: 'security_control',
  identity_access: 'identity_control',
  organization: 'staffing',
};

function categoryOf(attribute: AttributeName): string {
  const spec = ATTRIBUTES[attribute];
  if (spec.subject !== null && !(attribute in CATEGORY)) return 'inventory';
  return CATEGORY[attribute] ?? DEFAULT_CATEGORY[spec.domain] ?? 'general';
}

/** Longest text value kept; longer statements are cut at a word boundary. */
const MAX_TEXT = 240;

export interface FactDraft {
  attribute: AttributeName;
  subject: SubjectRef | null;
  value: FactValue;
  unit?: string;
  confidence: number;
  derivation?: 'stated' | 'computed';
  location: SourceLocation;
  quote: string;
}

function cleanValue(value: FactValue): FactValue | null {
  switch (value.type) {
    case 'text': {
      let text = cleanText(value.text);
      // An unbalanced quote left by cutting a line ('Dave" knows…') is noise, not meaning.
      if ((text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/"/g, '');
      text = text.replace(/^["'“”‘’\s]+|["'“”‘’\s]+$/g, '');
      if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT).replace(/\s+\S*$/, '')}…`;
      return /[\p{L}\p{N}]/u.test(text) ? { type: 'text', text } : null;
    }
    case 'number':
    case 'money':
    case 'percent':
      return Number.isFinite(value.number) && value.number >= 0 ? value : null;
    case 'date':
      return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value.date) ? value : null;
    case 'boolean':
      return value;
  }
}

/** Collects facts in the order they are produced, dropping exact repeats from one location. */
export class FactSink {
  readonly facts: ExtractedFact[] = [];
  private readonly seen = new Set<string>();

  add(draft: FactDraft): void {
    const spec = ATTRIBUTES[draft.attribute];
    const kind = draft.subject?.kind ?? null;
    // A mismatch here is a bug in a pattern, not bad input: fail loudly in tests.
    if (spec.subject !== kind) throw new Error(`extract: ${draft.attribute} is about ${spec.subject ?? 'the company'}, not ${kind ?? 'the company'}`);
    if (spec.type !== draft.value.type) throw new Error(`extract: ${draft.attribute} takes ${spec.type}, got ${draft.value.type}`);
    const value = cleanValue(draft.value);
    if (!value) return;
    let subject: SubjectRef | null = null;
    if (draft.subject) {
      const name = cleanText(draft.subject.name);
      if (normalizeName(name) === '') return;
      subject = { kind: draft.subject.kind, name };
    }
    const key = [
      draft.attribute,
      subject ? `${subject.kind}:${normalizeName(subject.name)}` : '-',
      normalizeValue(value),
      JSON.stringify(draft.location),
    ].join('\u001f');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact: ExtractedFact = {
      domain: spec.domain,
      category: categoryOf(draft.attribute),
      subject,
      attribute: draft.attribute,
      value,
      confidence: draft.confidence,
      derivation: draft.derivation ?? 'stated',
      evidence: { location: draft.location, quote: cleanText(draft.quote) },
    };
    const unit = draft.unit ?? UNITS[draft.attribute];
    if (unit) fact.unit = unit;
    this.facts.push(fact);
  }
}

export function text(t: string): FactValue {
  return { type: 'text', text: t };
}

export function num(n: number): FactValue {
  return { type: 'number', number: n };
}

export function money(n: number, currency = 'USD'): FactValue {
  return { type: 'money', number: n, currency };
}

export function percent(n: number): FactValue {
  return { type: 'percent', number: n };
}

export function date(d: string): FactValue {
  return { type: 'date', date: d };
}

export function bool(b: boolean): FactValue {
  return { type: 'boolean', bool: b };
}

/** Unit recorded with a numeric attribute, so a reader knows what the number counts. */
export const UNITS: Partial<Record<AttributeName, string>> = {
  app_users: 'users',
  application_count: 'applications',
  application_count_computed: 'applications',
  app_annual_cost: 'per_year',
  app_total_annual_cost: 'per_year',
  app_total_annual_cost_computed: 'per_year',
  physical_server_count: 'servers',
  virtual_machine_count: 'vms',
  rto_hours: 'hours',
  rpo_hours: 'hours',
  rto_actual_hours: 'hours',
  infra_spend: 'per_year',
  it_personnel_cost: 'per_year',
  end_user_device_count: 'devices',
  cloud_monthly_spend: 'per_month',
  site_count: 'sites',
  security_team_size: 'fte',
  employee_count: 'employees',
  revenue: 'per_year',
  it_headcount: 'fte',
  it_contractor_count: 'contractors',
  it_vacancies: 'positions',
  it_budget: 'per_year',
  it_capex: 'per_year',
  it_opex: 'per_year',
  location_count: 'locations',
  role_headcount: 'fte',
  tsa_duration_months: 'months',
  tsa_monthly_cost: 'per_month',
  edr_coverage: 'percent',
  mfa_coverage: 'percent',
};
