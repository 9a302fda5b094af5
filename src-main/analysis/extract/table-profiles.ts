// Which kind of inventory a table is, from its headers alone: header synonyms, case-insensitive and
// tolerant of asides ("Annual Cost (USD)", "Carve-out dependency (Injected)") and snake_case.

import type { AttributeName } from './vocabulary';
import { cleanText, stripParentheticals } from './values';

export type TableKind =
  | 'application'
  | 'standards'
  | 'server'
  | 'network_device'
  | 'role'
  | 'vendor'
  | 'tsa_service'
  | 'data_center'
  | 'certification'
  | 'cloud_provider'
  | 'parent_services'
  | 'key_value';

/** How a cell of a column becomes a value. */
export type CellParser =
  | 'text'
  | 'count'
  | 'money'
  | 'monthly_money'
  | 'date'
  | 'months'
  | 'hosting_or_category'
  | 'parent_dependency'
  | 'renewal'
  | 'dc_type'
  | 'cert_status';

export interface ColumnRule {
  index: number;
  attribute: AttributeName;
  parser: CellParser;
}

export interface TableProfile {
  kind: TableKind;
  /** Column naming the subject; for key_value tables, the key column. */
  nameColumn: number;
  columns: ColumnRule[];
  /** key_value tables: the columns read as values of the key. */
  valueColumns: number[];
}

/** Header text for matching: lower case, asides and snake_case removed, byte-order mark dropped. */
export function normalizeHeader(header: string): string {
  return stripParentheticals(cleanText(header))
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Rule = [RegExp, AttributeName, CellParser];

const APP_NAME = /^(?:(?:business |source )?(?:application|app|system|software)s?(?: name)?|application\/system|app\/system)$/;
const STANDARD_NAME = /^(?:standard name|name|product|product name|software name|standard|title)$/;
const APP_COLUMNS: Rule[] = [
  [/^(?:vendor|publisher|manufacturer|supplier|provider|vendor name)$/, 'app_vendor', 'text'],
  [/^(?:version|release|ver|current version|version\/edition)$/, 'app_version', 'text'],
  [/^(?:category|app category|application category|business function|function|capability|domain)$/, 'app_category', 'text'],
  [/^(?:type|app type|application type)$/, 'app_category', 'hosting_or_category'],
  [/^(?:hosting|deployment|deployment type|deployment model|hosted|hosting model|hosting type|hosted where)$/, 'app_hosting', 'text'],
  [/^(?:users|user count|# users|number of users|active users|licensed users|seats|# of users)$/, 'app_users', 'count'],
  [/^(?:annual cost|cost|annual spend|spend|annual value|cost per year|annual license cost|license cost|tco|annual cost usd|run cost)$/, 'app_annual_cost', 'money'],
  [/^(?:criticality|tier|business criticality|importance|criticality tier)$/, 'app_criticality', 'text'],
  [/^(?:contract end|contract end date|renewal|renewal date|contract renewal|contract expiry|contract expiration|expiry|end date)$/, 'app_contract_end', 'renewal'],
  [/renewal window|contract window/, 'app_renewal_window', 'text'],
  [/^(?:owner|business owner|it owner|application owner|system owner|support owner)$/, 'app_owner', 'text'],
  [/^(?:status|lifecycle|lifecycle stage|lifecycle status|disposition)$/, 'app_lifecycle', 'text'],
  [/carve-?out dependency|parent-hosted|tsa-locked|parent dependency|shared with parent|tsa dependency/, 'app_parent_dependency', 'parent_dependency'],
];
const STANDARDS_SIGNALS = /^(?:category|status|deployment type|approval expiration date|approval expiration|approval status|deployment)$/;

const SERVER_NAME = /^(?:hostname|host name|host|server|server name|vm|vm name|virtual machine|name|computer name)$/;
const SERVER_COLUMNS: Rule[] = [
  [/^(?:os|operating system|platform|os version|guest os)$/, 'server_os', 'text'],
  [/^(?:environment|env)$/, 'server_environment', 'text'],
  [/^(?:role|function|purpose|server role)$/, 'server_role', 'text'],
  [/^(?:location|cluster|site|data cent(?:er|re)|dc|host cluster)$/, 'server_location', 'text'],
  [/^(?:status|state|power state)$/, 'server_status', 'text'],
];

const DEVICE_NAME = /^(?:device|device name|name|hostname|host name)$/;
const DEVICE_SIGNAL = /^(?:model|device type|manufacturer)$/;
const DEVICE_COLUMNS: Rule[] = [
  [/^(?:manufacturer|vendor|make)$/, 'device_vendor', 'text'],
  [/^(?:model|device type|hardware|hardware model)$/, 'device_model', 'text'],
  [/^(?:role|device role|function)$/, 'device_role', 'text'],
  [/^(?:site|location)$/, 'device_site', 'text'],
  [/^(?:firmware|platform|os|os version|software version|ios version|firmware version)$/, 'device_firmware', 'text'],
  [/^(?:status|state)$/, 'device_status', 'text'],
];

const ROLE_NAME = /^(?:role|team|function|department|position|group|it function|team\/function|area|job title|title)$/;
const ROLE_COLUMNS: Rule[] = [
  [/^(?:headcount|hc|fte|ftes|count|# staff|staff|employees|number|#|fte count|internal headcount|headcount fte|# of staff)$/, 'role_headcount', 'count'],
  [/^(?:contractors?|contract staff|contingent|contingent workers)$/, 'role_contractor_count', 'count'],
];

const VENDOR_NAME = /^(?:vendor|provider|supplier|partner|msp|service provider|vendor name|third party|managed service provider)$/;
const VENDOR_COLUMNS: Rule[] = [
  [/^(?:service|services|scope|function|service provided|services provided|description)$/, 'vendor_service', 'text'],
  [/^(?:contract end|renewal|renewal date|contract expiry|contract expiration|expiry|expiration|end date|term end)$/, 'vendor_contract_end', 'date'],
];
const VENDOR_SIGNAL = /^(?:annual value|annual|annual cost|run rate|value|cost|terms|contract|term)$/;

const TSA_NAME = /^(?:service|services|tsa service|tsa area|service area|tsa scope|tsa item|tsa services)$/;
const TSA_COLUMNS: Rule[] = [
  [/^(?:provider|provided by|service provider|from)$/, 'tsa_provider', 'text'],
  [/^(?:term|duration|tsa term|tsa duration|length|target exit|exit date|end|tsa end)$/, 'tsa_duration_months', 'months'],
  [/^(?:monthly cost|monthly fee|monthly charge|monthly|cost per month|monthly price)$/, 'tsa_monthly_cost', 'monthly_money'],
  [/^(?:cost|price|fee|charge)$/, 'tsa_monthly_cost', 'monthly_money'],
  [/^(?:slas?|service levels?|exit criteria|exit plan|exit conditions?)$/, 'tsa_exit_plan', 'text'],
];

const DC_NAME = /^(?:facility|data cent(?:er|re)|dc|data cent(?:er|re) name|facility name|site)$/;
const DC_COLUMNS: Rule[] = [
  [/^(?:location|city|address|region)$/, 'data_center_location', 'text'],
  [/^(?:type|ownership|facility type|owned\/leased|model)$/, 'data_center_type', 'dc_type'],
  [/^(?:lease end|lease expiry|contract end|contract expiry|lease expiration|lease expires|renewal)$/, 'data_center_contract_end', 'date'],
  [/lease constraint|lease terms|lease|exit constraint/, 'data_center_lease_terms', 'text'],
  [/^(?:risk|site risk|risks|hazards?)$/, 'data_center_risk', 'text'],
];

const CERT_NAME = /^(?:certification|certificate|standard|framework|attestation|compliance framework|audit|certifications)$/;
const CERT_COLUMNS: Rule[] = [
  [/^(?:status|certification status|state|compliance status)$/, 'certification_status', 'cert_status'],
  [/^(?:expiry|expires|expiration|expiry date|valid until|renewal|renewal date|next audit|recertification)$/, 'certification_expiry', 'date'],
];

const CLOUD_NAME = /^(?:provider|cloud|cloud provider|platform|csp)$/;
const CLOUD_SIGNAL = /^(?:region|regions|accounts|subscriptions|projects|tenants)$/;
const CLOUD_COLUMNS: Rule[] = [[/^(?:monthly|monthly spend|monthly cost|spend per month)$/, 'cloud_monthly_spend', 'monthly_money']];

const KV_KEY = /^(?:metric|item|capability|anchor|attribute|field|parameter|ledger fact|control|control domain|control objective|domain|area|topic|question|constraint area|kpi|measure|category|key|property|component)$/;
const KV_VALUE = /\b(?:value|tools?|tooling|systems?|solutions?|products?|coverage|details?|response|answer|baseline value|expected|current state|observed)\b/;

function find(headers: readonly string[], re: RegExp): number {
  return headers.findIndex((h) => re.test(h));
}

function rules(headers: readonly string[], table: readonly Rule[], skip: number): ColumnRule[] {
  const out: ColumnRule[] = [];
  headers.forEach((h, index) => {
    if (index === skip) return;
    const rule = table.find(([re]) => re.test(h));
    if (rule) out.push({ index, attribute: rule[1], parser: rule[2] });
  });
  return out;
}

function profile(kind: TableKind, nameColumn: number, columns: ColumnRule[]): TableProfile {
  return { kind, nameColumn, columns, valueColumns: [] };
}

/**
 * The profile of a table, or null when its headers match no known inventory. `rawHeaders` keep
 * their asides, so an "(Injected)" or "(Assumed)" key:value column can be left out.
 */
export function classifyTable(rawHeaders: readonly string[], headingPath: readonly string[]): TableProfile | null {
  const headers = rawHeaders.map(normalizeHeader);
  const headings = headingPath.join(' ');
  const has = (re: RegExp): boolean => find(headers, re) >= 0;

  const app = find(headers, APP_NAME);
  // "Domain | Systems (Observed) | …" lists systems per domain: a key:value table, not an inventory.
  const keyedList = app > 0 && KV_KEY.test(headers[0] ?? '');
  if (app >= 0 && !keyedList) {
    const columns = rules(headers, APP_COLUMNS, app);
    if (columns.length > 0) return profile('application', app, columns);
  }
  const std = find(headers, STANDARD_NAME);
  if (std >= 0 && headers.filter((h) => STANDARDS_SIGNALS.test(h)).length >= 2) {
    return profile('standards', std, rules(headers, APP_COLUMNS, std));
  }
  const device = find(headers, DEVICE_NAME);
  if (device >= 0 && has(DEVICE_SIGNAL)) return profile('network_device', device, rules(headers, DEVICE_COLUMNS, device));
  const server = find(headers, SERVER_NAME);
  if (server >= 0 && has(/^(?:os|operating system|platform|os version|guest os|cluster)$/)) {
    return profile('server', server, rules(headers, SERVER_COLUMNS, server));
  }
  const tsa = find(headers, TSA_NAME);
  const tsaContext = /\btsa\b|transition service/i.test(`${headings} ${headers.join(' ')}`);
  // "Provider | Region | Accounts | Services | Monthly" is a cloud footprint, not a TSA schedule.
  if (tsa >= 0 && !(has(CLOUD_SIGNAL) && !tsaContext)) {
    const columns = rules(headers, TSA_COLUMNS, tsa);
    if (columns.length > 0 && (tsaContext || columns.some((c) => c.attribute === 'tsa_provider'))) return profile('tsa_service', tsa, columns);
    if (/provided by|(?:uses?|used) from|shared services?|from (?:the )?parent/i.test(headings)) return profile('parent_services', tsa, []);
  }
  const cloud = find(headers, CLOUD_NAME);
  // A provider with regions or accounts is a cloud; with a service and a term it was a TSA line above.
  if (cloud >= 0 && (has(CLOUD_SIGNAL) || /\bcloud\b/i.test(headings))) return profile('cloud_provider', cloud, rules(headers, CLOUD_COLUMNS, cloud));
  const vendor = find(headers, VENDOR_NAME);
  if (vendor >= 0) {
    const columns = rules(headers, VENDOR_COLUMNS, vendor);
    if (columns.length > 0 || has(VENDOR_SIGNAL)) return profile('vendor', vendor, columns);
  }
  const role = find(headers, ROLE_NAME);
  if (role >= 0) {
    const columns = rules(headers, ROLE_COLUMNS, role);
    if (columns.some((c) => c.attribute === 'role_headcount')) return profile('role', role, columns);
  }
  const dc = find(headers, DC_NAME);
  if (dc >= 0 && (headers[dc] !== 'site' || /data cent|facilit/i.test(headings))) {
    const columns = rules(headers, DC_COLUMNS, dc);
    if (columns.length > 0) return profile('data_center', dc, columns);
  }
  const cert = find(headers, CERT_NAME);
  if (cert >= 0) {
    const columns = rules(headers, CERT_COLUMNS, cert);
    if (columns.length > 0) return profile('certification', cert, columns);
  }
  if (headers.length >= 2 && KV_KEY.test(headers[0] ?? '')) {
    const valueColumns = headers
      .map((h, i) => ({ h, i }))
      .filter(({ h, i }) => i > 0 && KV_VALUE.test(h) && !/\((?:injected|assumed)\)/i.test(rawHeaders[i] ?? ''))
      .map(({ i }) => i);
    if (valueColumns.length > 0) return { kind: 'key_value', nameColumn: 0, columns: [], valueColumns };
  }
  return null;
}
