import type { AttributeName } from '../extract/vocabulary';
import { normalizeName } from '../keys';
import { canonicalSubjectName } from '../knowledge/aliases';
import { compare, type FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { isNegative, mentions, textOf } from './values';

/**
 * Business and IT capabilities a platform serves ("ERP", "EDR"), and how facts name them: a
 * company-level platform attribute, or an inventory application whose category says so. Shared
 * by the rules that compare platforms: duplicates inside the target, disagreements between
 * documents, and overlaps between buyer and target.
 */
export interface Capability {
  id: string;
  label: string;
  attributes: readonly AttributeName[];
  /** Words of an application's category that place it here ("policy administration"). */
  categories: readonly string[];
  /** Core business platforms: duplicates and overlaps there are worth more. */
  core: boolean;
  /** False where several products are normal side by side (an API gateway and an event bus). */
  duplicates?: boolean;
}

export const CAPABILITIES: readonly Capability[] = [
  { id: 'erp', label: 'ERP', attributes: ['erp_platform'], categories: ['erp', 'enterprise resource planning'], core: true },
  { id: 'crm', label: 'CRM', attributes: ['crm_platform'], categories: ['crm', 'customer relationship management'], core: true },
  { id: 'policy', label: 'Policy administration', attributes: [], categories: ['policy administration', 'policy admin'], core: true },
  { id: 'claims', label: 'Claims management', attributes: [], categories: ['claims management', 'claims'], core: true },
  { id: 'billing', label: 'Billing', attributes: [], categories: ['billing'], core: true },
  { id: 'hr', label: 'HR and payroll', attributes: ['hr_platform'], categories: ['hr', 'hcm', 'payroll', 'human resources'], core: false },
  { id: 'itsm', label: 'IT service management', attributes: [], categories: ['itsm', 'it service management', 'service management'], core: false },
  { id: 'plm', label: 'Product lifecycle management', attributes: [], categories: ['plm', 'product lifecycle management'], core: false },
  { id: 'email', label: 'Email and collaboration', attributes: ['email_platform'], categories: ['collaboration', 'email collaboration'], core: false },
  { id: 'documents', label: 'Document management', attributes: [], categories: ['document management', 'content management'], core: false },
  { id: 'identity', label: 'Identity provider', attributes: ['directory_service', 'sso_product'], categories: ['identity and single sign on'], core: false },
  { id: 'edr', label: 'EDR', attributes: ['edr_product'], categories: ['endpoint security', 'endpoint protection'], core: false },
  { id: 'siem', label: 'SIEM', attributes: ['siem_product'], categories: ['siem'], core: false },
  { id: 'email_security', label: 'Email security', attributes: ['email_security'], categories: [], core: false },
  { id: 'integration', label: 'Integration platform', attributes: ['integration_platform'], categories: ['integration'], core: false, duplicates: false },
];

/** Products that are one platform in practice: a Microsoft 365 tenant, a hybrid Microsoft directory. */
const SAME_PLATFORM: Record<string, string> = {
  'microsoft 365': 'microsoft 365',
  'microsoft exchange online': 'microsoft 365',
  'microsoft sharepoint online': 'microsoft 365',
  'microsoft teams': 'microsoft 365',
  'microsoft onedrive': 'microsoft 365',
  'active directory': 'microsoft directory',
  'microsoft entra id': 'microsoft directory',
};

const EDITION_WORDS = /\b(?:enterprise|premium|standard|professional|online|cloud|edition|business|plus|suite|platform|and service cloud|sales cloud|service cloud|workforce identity|falcon|email protection|enterprise security)\b/g;

/** The product family a name denotes: canonical, without version or edition ("SAP S/4HANA 2020" → "sap s 4hana"). */
export function familyOf(name: string): string {
  const canonical = normalizeName(canonicalSubjectName('product', name));
  const aliased = SAME_PLATFORM[canonical];
  if (aliased) return aliased;
  const bare = canonical
    .replace(EDITION_WORDS, ' ')
    .replace(/\b(?:v?\d[\w.]*|r\d|sp\d+|[a-z]?\d+[a-z]?)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return SAME_PLATFORM[bare] ?? (bare || canonical);
}

export interface PlatformUse {
  family: string;
  /** Names as documents give them, sorted, for titles. */
  names: string[];
  facts: FactRecord[];
}

/** Where a capability's platforms come from: company-level statements and inventory applications. */
export interface CapabilityView {
  capability: Capability;
  uses: PlatformUse[];
  /** Company-level statements that the capability is absent ("EDR: none"). */
  absent: FactRecord[];
}

const INVENTORY_ATTRIBUTES: readonly AttributeName[] = ['app_users', 'app_annual_cost', 'app_criticality'];

/** Every capability with what the index says about it; capabilities nobody mentions are left out. */
export function capabilityViews(index: FactIndex): CapabilityView[] {
  const views: CapabilityView[] = [];
  for (const capability of CAPABILITIES) {
    const uses = new Map<string, PlatformUse>();
    const add = (name: string, facts: FactRecord[]): void => {
      const own = familyOf(name);
      if (own === '' || own === 'none') return;
      // "SentinelOne" and "SentinelOne Singularity Complete", "Dynamics AX" and "Microsoft Dynamics AX": one product.
      const family = [...uses.keys()].find((f) => sameProduct(f, own)) ?? own;
      const use = uses.get(family) ?? { family, names: [], facts: [] };
      if (!use.names.includes(name)) use.names.push(name);
      use.facts.push(...facts);
      uses.set(family, use);
    };
    const absent: FactRecord[] = [];
    for (const attribute of capability.attributes) {
      for (const fact of index.company(attribute)) {
        if (isNegative(fact)) absent.push(fact);
        else add(textOf(fact.value), [fact]);
      }
    }
    if (capability.categories.length > 0) {
      for (const key of index.subjectsOfKind('application')) {
        const category = index.subjectAttr(key, 'app_category').filter((f) => mentions(textOf(f.value), capability.categories));
        // A list of approved products (no users, cost or criticality) is not a running estate.
        if (category.length === 0 || !INVENTORY_ATTRIBUTES.some((a) => index.subjectAttr(key, a).length > 0)) continue;
        add(index.subjectName(key), category);
      }
    }
    if (uses.size === 0 && absent.length === 0) continue;
    for (const use of uses.values()) use.names.sort(compare);
    views.push({ capability, uses: [...uses.values()].sort((a, b) => compare(a.family, b.family)), absent });
  }
  return views;
}

const VENDOR_WORDS = new Set(['microsoft', 'ms', 'oracle', 'ibm', 'sap', 'vmware', 'cisco', 'google', 'amazon', 'aws']);

/** Two families are one product when one's distinctive words begin the other's. */
function sameProduct(a: string, b: string): boolean {
  const words = (f: string): string[] => f.split(' ').filter((w) => !VENDOR_WORDS.has(w));
  const [x, y] = [words(a), words(b)];
  if (x.length === 0 || y.length === 0) return a === b;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w, i) => long[i] === w);
}

/** Document ids a set of facts was read from. */
export function documentIds(facts: readonly FactRecord[]): Set<number> {
  return new Set(facts.flatMap((f) => f.evidence.map((e) => e.documentId)));
}
