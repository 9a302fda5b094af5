import type { DealType, Entity } from '../../../src-shared/domain';
import type { FactValue } from '../../../src-main/analysis/extract/types';
import { ATTRIBUTES, type AttributeName } from '../../../src-main/analysis/extract/vocabulary';
import { factKey, subjectKey } from '../../../src-main/analysis/keys';
import type { DealSettings, FactRecord } from '../../../src-main/analysis/rules/types';

/**
 * Hand-built facts for rule tests. Domain, value type and subject kind come from the shared
 * vocabulary, and keys from the real key functions, so fixtures look exactly like committed facts.
 */

export const AS_OF = '2026-02-01';

export function deal(dealType: DealType = 'acquisition', asOfDate = AS_OF): DealSettings {
  return { name: 'Test deal', targetName: 'Target Co', buyerName: 'Buyer Co', dealType, asOfDate };
}

export interface FactOptions {
  /** Subject name; the kind comes from the vocabulary (or `kind` for company-level attributes). */
  subject?: string;
  kind?: string;
  entity?: Entity;
  /** Document id the fact was read from (its path is derived). */
  doc?: number;
  derivation?: 'stated' | 'computed';
  currency?: string;
  /** Line of the evidence (default 1), to tell statements on different lines apart. */
  line?: number;
}

let nextId = 1;

export function fact(attribute: AttributeName, raw: string | number | boolean, options: FactOptions = {}): FactRecord {
  const spec = ATTRIBUTES[attribute];
  const entity = options.entity ?? 'target';
  const kind = options.kind ?? spec.subject;
  const subject = options.subject !== undefined && kind !== null ? subjectKey(entity, spec.domain, kind, options.subject) : null;
  const value = toValue(spec.type, raw, options.currency ?? 'USD');
  const doc = options.doc ?? 1;
  return {
    id: nextId++,
    stableKey: factKey(entity, spec.domain, subject, attribute, value),
    entity,
    domain: spec.domain,
    category: 'test',
    subjectKey: subject,
    subjectKind: subject === null ? null : kind,
    subjectName: subject === null ? null : (options.subject ?? null),
    attribute,
    value,
    unit: null,
    confidence: 0.9,
    derivation: options.derivation ?? 'stated',
    evidence: [{ documentId: doc, documentPath: `doc-${doc}.md`, location: { line: options.line ?? 1 }, quote: `${spec.label}: ${String(raw)}` }],
  };
}

function toValue(type: (typeof ATTRIBUTES)[AttributeName]['type'], raw: string | number | boolean, currency: string): FactValue {
  if (typeof raw === 'boolean') return { type: 'boolean', bool: raw };
  switch (type) {
    case 'number':
      return { type: 'number', number: Number(raw) };
    case 'money':
      return { type: 'money', number: Number(raw), currency };
    case 'percent':
      return { type: 'percent', number: Number(raw) };
    case 'date':
      return { type: 'date', date: String(raw) };
    case 'boolean':
      return { type: 'text', text: String(raw) };
    case 'text':
      return { type: 'text', text: String(raw) };
  }
}

/** A well-run company: complete answers, modern platforms, strong controls. */
export function cleanCompany(): FactRecord[] {
  return [
    fact('employee_count', 400),
    fact('revenue', 80_000_000),
    fact('it_headcount', 14),
    fact('it_contractor_count', 2),
    fact('it_budget', 3_200_000),
    fact('it_leader', 'CIO reporting to the CEO'),
    fact('security_leader', 'CISO reporting to the CIO'),
    fact('security_team_size', 3),
    fact('soc_model', 'Outsourced 24x7 MDR'),
    fact('edr_product', 'CrowdStrike Falcon'),
    fact('edr_coverage', 100),
    fact('siem_product', 'Microsoft Sentinel'),
    fact('last_pen_test', '2025-09-15'),
    fact('incident_response_plan', true),
    fact('mfa_coverage', 100),
    fact('mfa_enforced', true),
    fact('remote_access', 'Zscaler Private Access, no VPN concentrators'),
    fact('remote_access_mfa', true),
    fact('network_segmentation', 'Segmented into user, server, guest and management VLANs'),
    fact('hypervisor', 'VMware vSphere 8.0 Update 2'),
    fact('backup_product', 'Veeam Backup & Replication 12'),
    fact('backup_retention', '35 days daily, 12 months monthly'),
    fact('backup_offsite_or_immutable', true),
    fact('last_restore_test', '2025-11-30'),
    fact('dr_in_place', true),
    fact('dr_site', 'Azure West Europe'),
    fact('rto_hours', 4),
    fact('rpo_hours', 1),
    fact('last_dr_test', '2025-10-01'),
    fact('server_os', 'Windows Server 2022', { subject: 'APP01' }),
    fact('server_os', 'Red Hat Enterprise Linux 9', { subject: 'DB01' }),
    fact('app_version', '2024', { subject: 'Dynamics 365 Finance' }),
    fact('app_criticality', 'Critical', { subject: 'Dynamics 365 Finance' }),
    fact('app_contract_end', '2028-06-30', { subject: 'Dynamics 365 Finance' }),
  ];
}
