// Entity resolution by name (DESIGN invariant 4): the same product, provider or certification
// written differently in different documents must resolve to one subject, so its facts meet under
// one stable key and contradictions between documents become visible.

import { normalizeName } from '../keys';

/**
 * Canonical name -> the other ways documents write it. Only names that mean the same thing go
 * here: "Microsoft 365 E3" is an edition of Microsoft 365, but "Exchange 2010" is not Exchange
 * Online, so versions that matter for end-of-life checks are never folded away.
 */
const GLOBAL_ALIASES: Record<string, readonly string[]> = {
  Salesforce: ['Salesforce Sales Cloud', 'Salesforce CRM', 'SFDC', 'Salesforce.com', 'Salesforce Enterprise', 'Salesforce Sales'],
  'Microsoft 365': [
    'M365', 'MS 365', 'Office 365', 'O365', 'Microsoft Office 365', 'Microsoft 365 E3', 'Microsoft 365 E5',
    'Microsoft 365 E1', 'Microsoft 365 Business Premium', 'M365 E3', 'M365 E5', 'Office 365 E3', 'Office 365 E5',
  ],
  'Microsoft Entra ID': [
    'Azure AD', 'Azure Active Directory', 'AAD', 'Entra ID', 'Entra', 'Microsoft Entra', 'Microsoft Entra ID Azure AD',
    'Entra ID Azure AD', 'Azure AD Entra ID', 'Microsoft Azure AD', 'Microsoft Azure Active Directory',
  ],
  'Active Directory': ['Microsoft Active Directory', 'AD DS', 'Active Directory Domain Services', 'On-premises Active Directory'],
  AWS: ['Amazon Web Services', 'Amazon AWS'],
  'Microsoft Azure': ['Azure', 'Azure Cloud', 'MS Azure'],
  'Google Cloud': ['GCP', 'Google Cloud Platform'],
  'Oracle Cloud': ['OCI', 'Oracle Cloud Infrastructure'],
  'Google Workspace': ['G Suite', 'GSuite', 'Google Apps', 'Google Workspace Enterprise'],
  'SAP S/4HANA': ['S/4HANA', 'S4HANA', 'SAP S4HANA', 'SAP S/4 HANA', 'S/4 HANA'],
  Workday: ['Workday HCM', 'Workday HR', 'Workday Human Capital Management'],
  'ADP Workforce Now': ['ADP Workforce', 'ADP WFN'],
  ServiceNow: ['ServiceNow ITSM', 'Service Now'],
  'CrowdStrike Falcon': ['CrowdStrike', 'Crowdstrike Falcon Insight'],
  'Splunk Enterprise Security': ['Splunk ES'],
  Concur: ['SAP Concur'],
  'Microsoft Power BI': ['Power BI', 'Power BI Premium', 'Microsoft Power BI Premium', 'PowerBI'],
  'Microsoft SharePoint Online': ['SharePoint Online', 'SharePoint'],
  'Microsoft Exchange Online': ['Exchange Online'],
  'Microsoft Teams': ['Teams', 'MS Teams'],
  'Microsoft Intune': ['Intune', 'Endpoint Manager', 'Microsoft Endpoint Manager'],
  'Microsoft Defender for Endpoint': ['Defender for Endpoint', 'MDE', 'Microsoft Defender ATP'],
  'Microsoft Sentinel': ['Azure Sentinel', 'Sentinel'],
  Slack: ['Slack Business+', 'Slack Enterprise Grid', 'Slack Enterprise'],
  Box: ['Box Enterprise'],
  'Jira Service Management': ['Jira SM', 'Jira Service Desk', 'JSM'],
  'AS/400': ['AS400', 'AS 400', 'IBM AS/400', 'IBM iSeries', 'iSeries', 'IBM System i', 'IBM Power i'],
  'Lotus Notes': ['IBM Lotus Notes', 'Lotus Domino', 'IBM Notes', 'HCL Notes'],
  'Oracle E-Business Suite': ['Oracle EBS', 'Oracle E Business Suite'],
  'Netcracker Revenue Management': ['Netcracker Revenue Mgmt', 'Netcracker'],
  'Amdocs Revenue Management': ['Amdocs Revenue Mgmt'],
  'Palo Alto Networks': ['Palo Alto'],
  SentinelOne: ['Sentinel One'],
  'Elastic SIEM': ['Elastic Security', 'ELK SIEM'],
  Okta: ['Okta Identity Cloud', 'Okta SSO'],
  CyberArk: ['CyberArk Privileged Access', 'CyberArk PAM', 'CyberArk Privileged Access Security'],
  Proofpoint: ['Proofpoint Email Protection', 'Proofpoint Email Security'],
  'Microsoft Dynamics 365': ['Dynamics 365', 'D365'],
};

/** Aliases that apply to one subject kind only (a vendor "Microsoft EA" is the vendor Microsoft). */
const KIND_ALIASES: Record<string, Record<string, readonly string[]>> = {
  vendor: {
    Microsoft: ['Microsoft EA', 'Microsoft Enterprise Agreement', 'Microsoft Corporation', 'MSFT'],
    AWS: ['Amazon Web Services', 'Amazon'],
    Google: ['Google LLC', 'Google Cloud', 'GCP'],
    Salesforce: ['Salesforce.com', 'SFDC'],
    SAP: ['SAP SE'],
    Oracle: ['Oracle Corporation'],
  },
  certification: {
    'SOC 2 Type II': ['SOC 2 Type 2', 'SOC2 Type II', 'SOC2 Type 2', 'SOC II Type II', 'SOC 2 Type-II'],
    'SOC 2': ['SOC2', 'SOC II', 'SOC 2 Type I', 'SOC 2 Type 1'],
    'SOC 1': ['SOC1', 'SOC 1 Type II', 'SSAE 18'],
    'ISO 27001': ['ISO/IEC 27001', 'ISO27001', 'ISO 27001:2013', 'ISO 27001:2022', 'ISO/IEC 27001:2022', 'ISO/IEC 27001:2013'],
    'PCI DSS': ['PCI-DSS', 'PCI', 'PCI DSS v4.0', 'PCI-DSS v4'],
    FedRAMP: ['FedRAMP Moderate', 'FedRAMP High'],
    HITRUST: ['HITRUST CSF'],
  },
};

type AliasIndex = Map<string, string>;

function buildIndex(table: Record<string, readonly string[]>): AliasIndex {
  const index: AliasIndex = new Map();
  for (const [canonical, variants] of Object.entries(table)) {
    index.set(normalizeName(canonical), canonical);
    for (const variant of variants) index.set(normalizeName(variant), canonical);
  }
  return index;
}

const GLOBAL_INDEX = buildIndex(GLOBAL_ALIASES);
const KIND_INDEX = new Map<string, AliasIndex>(Object.entries(KIND_ALIASES).map(([kind, table]) => [kind, buildIndex(table)]));

/** Words written short in inventories; expanded so "Revenue Mgmt" and "Revenue Management" agree. */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bMgmt\b/g, 'Management'],
  [/\bMgt\b/g, 'Management'],
  [/\bSvcs\b/g, 'Services'],
];

/** Trims, collapses whitespace and drops markup or citation debris that may have slipped through. */
function tidy(name: string): string {
  return name
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot is punctuation, except in a name such as ".NET 6".
    .replace(/^(?:[-–—:;,\s]|\.(?![a-z]))+|[-–—:;,\s]+$/gi, '');
}

/**
 * Kinds named after organisations or people rather than products: the product aliases do not
 * apply ("CrowdStrike" the vendor is not the product "CrowdStrike Falcon").
 */
const NON_PRODUCT_KINDS = new Set(['vendor', 'role', 'team', 'site', 'data_center', 'tsa_service']);

function lookup(kind: string, name: string): string | undefined {
  const key = normalizeName(name);
  if (key === '') return undefined;
  const specific = KIND_INDEX.get(kind)?.get(key);
  if (specific) return specific;
  return NON_PRODUCT_KINDS.has(kind) ? undefined : GLOBAL_INDEX.get(key);
}

/**
 * The canonical display name of a subject of `kind` ("application", "cloud_provider", "vendor",
 * "certification", "product" for values naming a product…). Known aliases map to one name; a
 * name with a parenthesised alias ("Microsoft Entra ID (Azure AD)") resolves through either part.
 * Unknown names come back tidied but otherwise as written, so their keys stay stable.
 */
export function canonicalSubjectName(kind: string, name: string): string {
  let cleaned = tidy(name);
  for (const [re, full] of ABBREVIATIONS) cleaned = cleaned.replace(re, full);
  const direct = lookup(kind, cleaned);
  if (direct) return direct;
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(cleaned);
  if (paren?.[1] && paren[2]) {
    const outer = lookup(kind, paren[1]);
    if (outer) return outer;
    const inner = lookup(kind, paren[2]);
    if (inner) return inner;
  }
  return cleaned;
}

/** True when two names resolve to the same canonical subject of `kind`. */
export function sameSubject(kind: string, a: string, b: string): boolean {
  return normalizeName(canonicalSubjectName(kind, a)) === normalizeName(canonicalSubjectName(kind, b));
}
