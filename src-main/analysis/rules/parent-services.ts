import type { DealType } from '../../../src-shared/domain';
import { compare, type FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { isNegative, mentions, textOf, words } from './values';

/**
 * Facts saying the parent or seller provides something today: the raw material of TSA gaps and
 * carve-out findings. Shared by both so a gap and the finding built on it agree on the facts.
 */

/** Deals where the target leaves a group and parent services must be replaced or contracted. */
export function isSeparationDeal(dealType: DealType): boolean {
  // A divestiture is the seller's side of the same separation, with the same TSA questions.
  return dealType === 'carve_out' || dealType === 'divestiture';
}

const STANDALONE = /^(?:standalone|stand alone|independent|none|no|n\/a|not applicable)\b/i;

/**
 * A TSA work plan often lists a compliance constraint next to its services ("Data residency | PII
 * must remain in region | exit: compliance sign-off"). The parent does not provide it and there is
 * nothing to exit: it is a rule the separation must respect, raised by the data-residency finding.
 */
const CONSTRAINT_LINE = /\b(?:data residency|residency|data sovereignty|sovereignty|data locali[sz]ation)\b/i;

/** Whether a TSA line names a compliance constraint rather than a service. */
export function isConstraintLine(name: string): boolean {
  return CONSTRAINT_LINE.test(name);
}

/** Every fact stating a parent-provided service, TSA line or application dependency on the parent. */
export function parentFacts(index: FactIndex): FactRecord[] {
  const facts = index.all.filter((f) => {
    if (f.attribute === 'parent_provided_service' || f.attribute === 'app_parent_dependency') {
      return !isNegative(f) && !(f.value.type === 'text' && STANDALONE.test(f.value.text.trim()));
    }
    // A TSA line's exit criteria describe the way out, not another service the parent provides.
    if (f.subjectKind === 'tsa_service') return f.attribute !== 'tsa_exit_plan' && !isConstraintLine(f.subjectName ?? '');
    return f.attribute === 'tsa_provider';
  });
  return facts.sort((a, b) => compare(a.stableKey, b.stableKey));
}

/** What a parent fact is about, in words: its subject name and value. */
export function parentFactText(fact: FactRecord): string {
  return `${fact.subjectName ?? ''} ${textOf(fact.value)}`;
}

/**
 * The distinct services behind parent facts: a TSA line or application counts once whatever
 * number of attributes it has; company-level statements count once per service name.
 */
export function parentServiceNames(facts: readonly FactRecord[]): string[] {
  const names = new Map<string, string>();
  const apps = [...new Set(facts.filter((f) => f.subjectKind === 'application' && f.subjectName).map((f) => f.subjectName ?? ''))];
  for (const f of facts) {
    // A TSA line for an application already counted ("Parent-hosted Billing | Netcracker hosted by
    // Parent" next to the Netcracker row) is that application's TSA, not one more service.
    if (f.subjectKind === 'tsa_service' && apps.some((app) => f.evidence.some((e) => namesApplication(e.quote, app)))) continue;
    const name = (f.subjectKey !== null ? (f.subjectName ?? '') : textOf(f.value)).trim();
    const key = name.toLowerCase();
    if (name !== '' && !names.has(key)) names.set(key, name);
  }
  return [...names.values()].sort(compare);
}

const VENDOR_PREFIX = new Set(['microsoft', 'oracle', 'sap', 'ibm', 'google', 'amazon', 'aws', 'adobe', 'cisco', 'vmware', 'salesforce']);

/** Whether a quote names an application by its distinctive first word ("Netcracker"), not a vendor alone. */
function namesApplication(quote: string, app: string): boolean {
  const first = words(app).trim().split(' ').find((w) => !VENDOR_PREFIX.has(w));
  return first !== undefined && first.length >= 4 && mentions(quote, [first]);
}

/**
 * Parent facts naming one of `areas` ("erp", "service desk"). A parent-provided service is often
 * named by its section ("Endpoint") with the detail on its lines ("MDM: the parent's Intune"), so
 * its quotes count too.
 */
export function parentFactsForArea(facts: readonly FactRecord[], areas: readonly string[]): FactRecord[] {
  return facts.filter((f) => mentions(parentFactText(f), areas) || (f.attribute === 'parent_provided_service' && f.evidence.some((e) => mentions(e.quote, areas))));
}

/**
 * The parent facts of an area that no priced TSA line covers. A TSA line with a term and a price
 * covers a parent fact when both name the same area word ("Security Operations" covers "security
 * operations" but not "identity"), so one priced line never hides an uncontracted neighbour.
 */
export function uncoveredParentFacts(index: FactIndex, facts: readonly FactRecord[], areas: readonly string[]): FactRecord[] {
  const priced = index.subjectsOfKind('tsa_service').filter((key) => {
    const attrs = new Set(index.subject(key).map((f) => f.attribute));
    return attrs.has('tsa_duration_months') && attrs.has('tsa_monthly_cost');
  });
  return facts.filter((fact) => {
    // The TSA line itself is not a service the parent provides without terms.
    if (fact.subjectKey !== null && priced.includes(fact.subjectKey)) return false;
    return !priced.some((key) => covers(index.subjectName(key), parentFactText(fact), areas));
  });
}

const GENERIC = new Set(['and', 'services', 'service', 'support', 'provision', 'management', 'operations', 'tsa', 'of', 'the', 'for']);

/**
 * Whether a TSA line covers a parent service: both name the same area, and the line names nothing
 * the service does not ("SAP Hosting & Support" covers SAP hosting, not the data centre at large).
 */
function covers(line: string, service: string, areas: readonly string[]): boolean {
  const shared = areas.filter((a) => mentions(line, [a]) && mentions(service, [a]));
  if (shared.length === 0) return false;
  const areaWords = new Set(areas.flatMap((a) => a.split(' ')));
  const serviceWords = new Set(words(service).trim().split(' '));
  return words(line).trim().split(' ').every((w) => w === '' || GENERIC.has(w) || areaWords.has(w) || serviceWords.has(w));
}
